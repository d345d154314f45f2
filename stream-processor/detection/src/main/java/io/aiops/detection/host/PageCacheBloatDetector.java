package io.aiops.detection.host;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Page-cache bloat: a large, cold file cache parked on the active list while little is free or
 * inactive.
 *
 * <p>The kernel's MemAvailable counts the whole file LRU as available (less a watermark's worth),
 * so "a big cache and little MemAvailable" cannot both hold; the cost of a bloated cache shows in
 * what working-set readers count instead. The kubelet's node memory.available and the cgroup
 * working set are usage − inactive_file, i.e. MemFree + Inactive(file) at host level
 * (kubernetes/kubernetes#43916): active file pages count as used, and eviction or a working-set
 * alert fires while the kernel would happily drop them. Warning when all three hold:
 *
 * <ol>
 *   <li>the droppable file cache, Active(file) + Inactive(file) (shmem/tmpfs is on the anon LRU and
 *       not in it), is at least 50 % of MemTotal;
 *   <li>MemFree + Inactive(file) is below 10 % of MemTotal;
 *   <li>the cache is cold: file refaults (workingset_refault_file, evicted pages needed again)
 *       bring back less than 1 % of the cache a minute.
 * </ol>
 *
 * A refaulting cache is a working set that does not fit (the pressure detector's case), not bloat.
 * Needs rates for the refaults, so there is no verdict on a first reading or after a gap.
 */
public final class PageCacheBloatDetector {
  static final double LARGE_CACHE_SHARE = 0.5;
  static final double LOW_FREE_OR_INACTIVE_SHARE = 0.10;
  static final double COLD_REFAULT_SHARE_PER_MINUTE = 0.01;

  private PageCacheBloatDetector() {}

  public static Optional<HostFinding> evaluate(HostMemoryReading reading, HostRates rates) {
    MemInfo memory = reading.memory();
    if (rates.fileRefaultBytesPerSecond().isEmpty()) {
      return Optional.empty();
    }
    double total = memory.memTotalBytes();
    double cache = memory.fileCacheBytes();
    double freeOrInactive = memory.memFreeBytes() + memory.inactiveFileBytes();
    double refaultShare = 60 * rates.fileRefaultBytesPerSecond().getAsDouble() / Math.max(1, cache);
    boolean bloated =
        cache >= LARGE_CACHE_SHARE * total
            && freeOrInactive < LOW_FREE_OR_INACTIVE_SHARE * total
            && refaultShare < COLD_REFAULT_SHARE_PER_MINUTE;
    if (!bloated) {
      return Optional.empty();
    }
    // 0.5 just under the 10 % line, 1 when nothing at all is free or inactive.
    double score = 1 - 0.5 * freeOrInactive / (LOW_FREE_OR_INACTIVE_SHARE * total);

    Map<String, Double> evidence = new LinkedHashMap<>();
    evidence.put("file_cache_bytes", cache);
    evidence.put("active_file_bytes", (double) memory.activeFileBytes());
    evidence.put("inactive_file_bytes", (double) memory.inactiveFileBytes());
    evidence.put("mem_free_bytes", (double) memory.memFreeBytes());
    evidence.put("shmem_bytes", (double) memory.shmemBytes());
    evidence.put("mem_total_bytes", total);
    evidence.put("file_cache_share_ratio", cache / total);
    evidence.put("free_or_inactive_file_share_ratio", freeOrInactive / total);
    evidence.put("file_refault_bytes_per_second", rates.fileRefaultBytesPerSecond().getAsDouble());
    evidence.put("file_refault_share_of_cache_per_minute_ratio", refaultShare);
    String summary =
        Sizes.format(
            "page-cache bloat: %s of cold file cache (%s of RAM, %s active) while only %s is free"
                + " or inactive; working-set readers (kubelet, cgroup) count the active part as"
                + " used",
            Sizes.bytes(cache),
            Sizes.percent(cache / total),
            Sizes.bytes(memory.activeFileBytes()),
            Sizes.bytes(freeOrInactive));
    return Optional.of(
        new HostFinding(
            HostFindingKind.PAGE_CACHE_BLOAT, Severity.WARNING, score, summary, evidence));
  }
}
