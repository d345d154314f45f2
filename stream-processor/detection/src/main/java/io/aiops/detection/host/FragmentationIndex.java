package io.aiops.detection.host;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Fragmentation of one zone's free memory, from its buddyinfo line: how much of it could serve an
 * allocation of 2^order contiguous pages. The two indices are the kernel's own (mm/vmstat.c, after
 * Mel Gorman), shown under /sys/kernel/debug/extfrag.
 */
public final class FragmentationIndex {
  private final ZoneFreeBlocks zone;
  private final long pageSizeBytes;

  public FragmentationIndex(ZoneFreeBlocks zone, long pageSizeBytes) {
    this.zone = zone;
    this.pageSizeBytes = pageSizeBytes;
  }

  public ZoneFreeBlocks zone() {
    return zone;
  }

  public long freePages() {
    long pages = 0;
    List<Long> blocks = zone.freeBlocksByOrder();
    for (int order = 0; order < blocks.size(); order++) {
      pages += blocks.get(order) << order;
    }
    return pages;
  }

  public long freeBytes() {
    return freePages() * pageSizeBytes;
  }

  /** Free blocks of {@code order} or larger: the ones an order-{@code order} request can split. */
  public long freeBlocksAtOrAbove(int order) {
    long count = 0;
    List<Long> blocks = zone.freeBlocksByOrder();
    for (int k = order; k < blocks.size(); k++) {
      count += blocks.get(k);
    }
    return count;
  }

  /** The largest order with a free block; empty when the zone has no free memory. */
  public OptionalDouble largestFreeOrder() {
    List<Long> blocks = zone.freeBlocksByOrder();
    for (int order = blocks.size() - 1; order >= 0; order--) {
      if (blocks.get(order) > 0) {
        return OptionalDouble.of(order);
      }
    }
    return OptionalDouble.empty();
  }

  /**
   * Unusable free space index: the share of free pages in blocks smaller than 2^order pages, which
   * an order-{@code order} request cannot use. 0: all free memory is usable; 1: none is (also the
   * kernel's value for a zone with no free pages).
   */
  public double unusableFreeIndex(int order) {
    long free = freePages();
    if (free == 0) {
      return 1;
    }
    long usable = 0;
    List<Long> blocks = zone.freeBlocksByOrder();
    for (int k = order; k < blocks.size(); k++) {
      usable += blocks.get(k) << k;
    }
    return (double) (free - usable) / free;
  }

  /**
   * The fragmentation index that compaction consults (vm.extfrag_threshold, 500 ‰): why an
   * order-{@code order} request would fail, 1 − (1 + free pages / 2^order) / free blocks. Towards 0
   * the zone lacks memory, towards 1 it has memory in too small pieces; empty when a suitable block
   * exists (the kernel's −1) or nothing is free.
   */
  public OptionalDouble fragmentationIndex(int order) {
    long blocks = freeBlocksAtOrAbove(0);
    if (blocks == 0 || freeBlocksAtOrAbove(order) > 0) {
      return OptionalDouble.empty();
    }
    double requested = 1L << order;
    return OptionalDouble.of(1 - (1 + freePages() / requested) / blocks);
  }
}
