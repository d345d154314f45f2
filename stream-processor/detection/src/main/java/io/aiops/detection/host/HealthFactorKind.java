package io.aiops.detection.host;

/** The parts of the host memory health score, each with what to do when it costs points. */
public enum HealthFactorKind {
  USAGE(
      "Find what grows (aiops detect memory-leak), then add memory or lower the memory.max of the"
          + " largest cgroups."),
  PRESSURE(
      "Tasks stall on memory: find the cgroup under pressure (memory.pressure), raise its memory"
          + " or lower the limits of the others; aiops detect memory-leak finds the grower."),
  SWAP(
      "Thrashing: add memory or shrink the working set; lower vm.swappiness to reclaim cache"
          + " before anon, or cap the culprit's memory.swap.max."),
  FRAGMENTATION(
      "Compact now: echo 1 > /proc/sys/vm/compact_memory; for good: raise vm.min_free_kbytes or"
          + " vm.compaction_proactiveness, THP defrag=madvise."),
  CACHE_REFAULTS(
      "The file working set does not fit the cache: add memory, or stop what squeezes it"
          + " (anon growth: aiops detect memory-leak)."),
  WRITEBACK(
      "The disks do not keep up with writes: find the writer (iotop -o), lower"
          + " vm.dirty_background_bytes and vm.dirty_bytes, check the device.");

  private final String advice;

  HealthFactorKind(String advice) {
    this.advice = advice;
  }

  public String advice() {
    return advice;
  }
}
