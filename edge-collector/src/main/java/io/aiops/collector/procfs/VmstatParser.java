package io.aiops.collector.procfs;

import io.aiops.schemas.memory.VmStatCounters;

/**
 * /proc/vmstat counters under one set of names on every kernel from 3.10 to 6.x. Counters the
 * kernel splits by zone or by page type are summed into the plain one when the plain one is absent.
 */
public final class VmstatParser {
  // Zone suffixes of per-zone counters (TEXTS_FOR_ZONES in mm/vmstat.c); "high" is HighMem.
  private static final String[] ZONES = {"dma", "dma32", "normal", "high", "movable", "device"};
  private static final String[] PAGE_TYPES = {"anon", "file"};

  private VmstatParser() {}

  /**
   * The counters of a vmstat text, or null when it holds none (an empty file). Lines that are not
   * "name number" are counted as malformed.
   */
  public static VmStatCounters parse(String text, ReadErrors errors) {
    return counters(Vmstat.parse(text, errors));
  }

  /** The counters a sample carries, or null when the vmstat holds none (an empty file). */
  public static VmStatCounters counters(Vmstat v) {
    if (v.isEmpty()) {
      return null;
    }
    return VmStatCounters.newBuilder()
        .setPswpin(v.counter("pswpin"))
        .setPswpout(v.counter("pswpout"))
        .setPgfault(v.counter("pgfault"))
        .setPgmajfault(v.counter("pgmajfault"))
        // Before 4.8 reclaim was per zone: pgscan_kswapd_normal, pgsteal_direct_dma32, ...
        .setPgscanKswapd(v.plainOrSum("pgscan_kswapd", ZONES))
        .setPgscanDirect(v.plainOrSum("pgscan_direct", ZONES))
        .setPgstealKswapd(v.plainOrSum("pgsteal_kswapd", ZONES))
        .setPgstealDirect(v.plainOrSum("pgsteal_direct", ZONES))
        .setPgscanKhugepaged(v.counter("pgscan_khugepaged"))
        .setPgstealKhugepaged(v.counter("pgsteal_khugepaged"))
        .setPgscanAnon(v.counter("pgscan_anon"))
        .setPgscanFile(v.counter("pgscan_file"))
        .setPgstealAnon(v.counter("pgsteal_anon"))
        .setPgstealFile(v.counter("pgsteal_file"))
        .setWorkingsetRefaultAnon(v.counter("workingset_refault_anon"))
        .setWorkingsetRefaultFile(v.counter("workingset_refault_file"))
        // 3.15 to 5.8 print one refault and one activate counter; 5.9 split both by page type.
        // Summing keeps one meaning on every kernel: all refaults (activations) since boot.
        .setWorkingsetRefault(v.plainOrSum("workingset_refault", PAGE_TYPES))
        .setWorkingsetActivate(v.plainOrSum("workingset_activate", PAGE_TYPES))
        // One allocstall before 4.8, allocstall_<zone> since.
        .setAllocstall(v.plainOrSum("allocstall", ZONES))
        .setCompactStall(v.counter("compact_stall"))
        .setCompactFail(v.counter("compact_fail"))
        .setOomKill(v.counter("oom_kill"))
        .build();
  }
}
