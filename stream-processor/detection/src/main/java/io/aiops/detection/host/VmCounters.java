package io.aiops.detection.host;

import java.util.Arrays;
import java.util.List;

/**
 * Cumulative {@code /proc/vmstat} counters since boot; each is null when the kernel does not print
 * it (as in the collector's {@code VmStatCounters}). Page counts are in pages of the reading's page
 * size.
 *
 * @param pswpin pages read in from swap
 * @param pswpout pages written out to swap
 * @param pgmajfault faults that had to wait for I/O (swap-in or a file read)
 * @param workingsetRefaultFile evicted file pages faulted back soon enough to have been in the
 *     working set (5.9+)
 * @param workingsetRefault the same, before 5.9 split it by kind (file pages only then)
 * @param pgscanKswapd pages scanned by kswapd, the background reclaimer
 * @param pgscanDirect pages scanned by allocating tasks themselves (direct reclaim)
 * @param pgstealKswapd pages reclaimed by kswapd
 * @param pgstealDirect pages reclaimed in direct reclaim
 * @param allocstall direct-reclaim entries, summed over zones
 */
public record VmCounters(
    Long pswpin,
    Long pswpout,
    Long pgmajfault,
    Long workingsetRefaultFile,
    Long workingsetRefault,
    Long pgscanKswapd,
    Long pgscanDirect,
    Long pgstealKswapd,
    Long pgstealDirect,
    Long allocstall) {

  /** A kernel (or collector) that reported no vmstat at all. */
  public static final VmCounters NONE =
      new VmCounters(null, null, null, null, null, null, null, null, null, null);

  /** File refaults: the 5.9+ counter, else the older combined one, which counted file pages. */
  public Long fileRefaults() {
    return workingsetRefaultFile != null ? workingsetRefaultFile : workingsetRefault;
  }

  /**
   * True when a counter printed in both readings went down. The kernel's event counters only grow
   * within one boot, so a decrease means a reboot (or a different host) between the two.
   */
  boolean anyDecreaseTo(VmCounters later) {
    List<Long> before = values();
    List<Long> after = later.values();
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i) != null && after.get(i) != null && after.get(i) < before.get(i)) {
        return true;
      }
    }
    return false;
  }

  private List<Long> values() {
    return Arrays.asList(
        pswpin,
        pswpout,
        pgmajfault,
        workingsetRefaultFile,
        workingsetRefault,
        pgscanKswapd,
        pgscanDirect,
        pgstealKswapd,
        pgstealDirect,
        allocstall);
  }
}
