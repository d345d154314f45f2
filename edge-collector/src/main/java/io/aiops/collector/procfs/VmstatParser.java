package io.aiops.collector.procfs;

import io.aiops.schemas.memory.VmStatCounters;
import java.util.Map;

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
    Map<String, Long> v = KeyValueFile.parseBytes(text, errors);
    if (v.isEmpty()) {
      return null;
    }
    return VmStatCounters.newBuilder()
        .setPswpin(v.get("pswpin"))
        .setPswpout(v.get("pswpout"))
        .setPgfault(v.get("pgfault"))
        .setPgmajfault(v.get("pgmajfault"))
        // Before 4.8 reclaim was per zone: pgscan_kswapd_normal, pgsteal_direct_dma32, ...
        .setPgscanKswapd(plainOrSum(v, "pgscan_kswapd", ZONES))
        .setPgscanDirect(plainOrSum(v, "pgscan_direct", ZONES))
        .setPgstealKswapd(plainOrSum(v, "pgsteal_kswapd", ZONES))
        .setPgstealDirect(plainOrSum(v, "pgsteal_direct", ZONES))
        .setPgscanKhugepaged(v.get("pgscan_khugepaged"))
        .setPgstealKhugepaged(v.get("pgsteal_khugepaged"))
        .setPgscanAnon(v.get("pgscan_anon"))
        .setPgscanFile(v.get("pgscan_file"))
        .setPgstealAnon(v.get("pgsteal_anon"))
        .setPgstealFile(v.get("pgsteal_file"))
        .setWorkingsetRefaultAnon(v.get("workingset_refault_anon"))
        .setWorkingsetRefaultFile(v.get("workingset_refault_file"))
        // 3.15 to 5.8 print one refault and one activate counter; 5.9 split both by page type.
        // Summing keeps one meaning on every kernel: all refaults (activations) since boot.
        .setWorkingsetRefault(plainOrSum(v, "workingset_refault", PAGE_TYPES))
        .setWorkingsetActivate(plainOrSum(v, "workingset_activate", PAGE_TYPES))
        // One allocstall before 4.8, allocstall_<zone> since.
        .setAllocstall(plainOrSum(v, "allocstall", ZONES))
        .setCompactStall(v.get("compact_stall"))
        .setCompactFail(v.get("compact_fail"))
        .setOomKill(v.get("oom_kill"))
        .build();
  }

  /** The plain counter, else the sum of name_suffix over the suffixes printed, else null. */
  private static Long plainOrSum(Map<String, Long> v, String name, String[] suffixes) {
    Long plain = v.get(name);
    if (plain != null) {
      return plain;
    }
    Long sum = null;
    for (String suffix : suffixes) {
      Long part = v.get(name + "_" + suffix);
      if (part != null) {
        sum = (sum == null ? 0 : sum) + part;
      }
    }
    return sum;
  }
}
