package io.aiops.cli.snapshot;

import io.aiops.collector.procfs.MappingKind;
import io.aiops.collector.procfs.MappingTotals;
import java.util.Map;

/**
 * One process in a memory snapshot. {@code (pid, startTimeTicks)} is its identity: pids are reused,
 * the pair is not (within one boot). Nullable: the RSS breakdown (kernels before 4.5), PSS
 * (smaps_rollup unreadable or before 4.14), regions (not selected, or smaps unreadable: {@code
 * regionsMissing} says why).
 */
public record SnapshotProcess(
    int pid,
    long startTimeTicks,
    String comm,
    String cmdline,
    long rssBytes,
    Long rssAnonBytes,
    Long rssFileBytes,
    Long rssShmemBytes,
    Long pssBytes,
    long swapBytes,
    Map<MappingKind, MappingTotals> regions,
    String regionsMissing) {

  /** Why regions are null: the process was below the floor and outside the top N. */
  public static final String NOT_SELECTED = "not_selected";

  public ProcessKey key() {
    return new ProcessKey(pid, startTimeTicks);
  }

  /** A process instance within one boot: the pid and when it started. */
  public record ProcessKey(int pid, long startTimeTicks) {}
}
