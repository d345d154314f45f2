package io.aiops.cli.diff;

import io.aiops.cli.snapshot.MemorySnapshot;
import io.aiops.cli.snapshot.SnapshotProcess;
import io.aiops.cli.snapshot.SnapshotProcess.ProcessKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two memory snapshots of one host: processes in both (matched on pid and
 * start time, so a reused pid is a different process), processes that started and ended, and
 * meminfo, each sorted by the size of the change.
 */
record MemoryDiff(
    MemorySnapshot before,
    MemorySnapshot after,
    boolean sameBoot,
    List<ProcessChange> changes,
    List<SnapshotProcess> started,
    List<SnapshotProcess> ended,
    List<MeminfoChange> meminfo) {

  private static final Comparator<SnapshotProcess> LARGEST_FIRST =
      Comparator.comparingLong(SnapshotProcess::rssBytes)
          .reversed()
          .thenComparingInt(SnapshotProcess::pid);

  /** A meminfo field in both snapshots, in bytes (counts for the HugePages_ fields). */
  record MeminfoChange(String field, long before, long after) {
    long delta() {
      return after - before;
    }
  }

  static MemoryDiff of(MemorySnapshot before, MemorySnapshot after) {
    // Pids and start times count from boot: after a reboot no process is the same.
    boolean sameBoot = before.bootId().equals(after.bootId());
    Map<ProcessKey, SnapshotProcess> was = new LinkedHashMap<>();
    if (sameBoot) {
      before.processes().forEach(p -> was.put(p.key(), p));
    }
    List<ProcessChange> changes = new ArrayList<>();
    List<SnapshotProcess> started = new ArrayList<>();
    for (SnapshotProcess p : after.processes()) {
      SnapshotProcess old = was.remove(p.key());
      if (old == null) {
        started.add(p);
      } else {
        changes.add(new ProcessChange(old, p));
      }
    }
    List<SnapshotProcess> ended = new ArrayList<>(sameBoot ? was.values() : before.processes());
    changes.sort(
        Comparator.comparingLong((ProcessChange c) -> Math.abs(c.rssDeltaBytes()))
            .reversed()
            .thenComparingLong(c -> -Math.abs(c.pssDeltaBytes() == null ? 0 : c.pssDeltaBytes()))
            .thenComparingInt(c -> c.after().pid()));
    started.sort(LARGEST_FIRST);
    ended.sort(LARGEST_FIRST);
    return new MemoryDiff(
        before,
        after,
        sameBoot,
        changes,
        started,
        ended,
        meminfo(before.meminfo(), after.meminfo()));
  }

  /** Processes in both whose RSS grew by more than the threshold, the largest growth first. */
  List<ProcessChange> grewMoreThan(long thresholdBytes) {
    return changes.stream().filter(c -> c.rssDeltaBytes() > thresholdBytes).toList();
  }

  private static List<MeminfoChange> meminfo(Map<String, Long> before, Map<String, Long> after) {
    List<MeminfoChange> changes = new ArrayList<>();
    after.forEach(
        (field, value) -> {
          Long old = before.get(field);
          if (old != null) {
            changes.add(new MeminfoChange(field, old, value));
          }
        });
    changes.sort(Comparator.comparingLong((MeminfoChange c) -> Math.abs(c.delta())).reversed());
    return changes;
  }
}
