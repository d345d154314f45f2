package io.aiops.detection.host;

/**
 * The {@code /proc/meminfo} figures the host detectors use, in bytes (the kernel prints kB).
 *
 * @param memTotalBytes MemTotal: RAM the kernel manages
 * @param memFreeBytes MemFree: pages on the buddy free lists
 * @param memAvailableBytes MemAvailable: the kernel's estimate of what can be allocated without
 *     swapping (free plus about half the file cache and reclaimable slab)
 * @param buffersBytes Buffers: block-device cache
 * @param cachedBytes Cached: page cache, shmem/tmpfs included
 * @param swapTotalBytes SwapTotal
 * @param swapFreeBytes SwapFree
 * @param shmemBytes Shmem: tmpfs and shared anonymous pages, counted in Cached but not droppable
 * @param slabReclaimableBytes SReclaimable
 * @param activeFileBytes Active(file): file LRU pages recently used twice
 * @param inactiveFileBytes Inactive(file): file LRU pages first in line for reclaim
 * @param dirtyBytes Dirty: file pages waiting to be written
 * @param writebackBytes Writeback: file pages being written now
 */
public record MemInfo(
    long memTotalBytes,
    long memFreeBytes,
    long memAvailableBytes,
    long buffersBytes,
    long cachedBytes,
    long swapTotalBytes,
    long swapFreeBytes,
    long shmemBytes,
    long slabReclaimableBytes,
    long activeFileBytes,
    long inactiveFileBytes,
    long dirtyBytes,
    long writebackBytes) {

  public MemInfo {
    if (memTotalBytes <= 0) {
      throw new IllegalArgumentException("memTotalBytes must be positive: " + memTotalBytes);
    }
    long[] sizes = {
      memFreeBytes,
      memAvailableBytes,
      buffersBytes,
      cachedBytes,
      swapTotalBytes,
      swapFreeBytes,
      shmemBytes,
      slabReclaimableBytes,
      activeFileBytes,
      inactiveFileBytes,
      dirtyBytes,
      writebackBytes
    };
    for (long size : sizes) {
      if (size < 0) {
        throw new IllegalArgumentException("meminfo sizes must not be negative: " + size);
      }
    }
  }

  /**
   * Page cache the kernel can drop: the file LRU lists. Shmem sits on the anon LRU, so it is not in
   * them; collectors that send no LRU split fall back to Cached + Buffers − Shmem.
   */
  public long fileCacheBytes() {
    long lru = activeFileBytes + inactiveFileBytes;
    return lru > 0 ? lru : Math.max(0, cachedBytes + buffersBytes - shmemBytes);
  }

  /** 1 − MemAvailable / MemTotal, clamped to 0..1: the share the kernel cannot hand out. */
  public double usedRatio() {
    return Math.min(1, Math.max(0, 1 - (double) memAvailableBytes / memTotalBytes));
  }
}
