package io.aiops.detection.host;

import java.util.List;
import java.util.Objects;

/**
 * One line of {@code /proc/buddyinfo}: the free blocks of each order (2^order contiguous pages) in
 * one zone of one NUMA node.
 *
 * @param node NUMA node
 * @param zone DMA, DMA32, Normal, Movable, ...
 * @param freeBlocksByOrder index = order
 */
public record ZoneFreeBlocks(int node, String zone, List<Long> freeBlocksByOrder) {

  public ZoneFreeBlocks {
    Objects.requireNonNull(zone, "zone");
    freeBlocksByOrder = List.copyOf(freeBlocksByOrder);
    for (long blocks : freeBlocksByOrder) {
      if (blocks < 0) {
        throw new IllegalArgumentException("free block counts must not be negative: " + blocks);
      }
    }
  }
}
