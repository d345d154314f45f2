package io.aiops.cli.diff;

import io.aiops.cli.snapshot.SnapshotProcess;
import io.aiops.collector.procfs.MappingKind;
import io.aiops.collector.procfs.MappingTotals;
import java.util.EnumMap;
import java.util.Map;

/** One process instance (same pid and start time) in both snapshots, and how it changed. */
record ProcessChange(SnapshotProcess before, SnapshotProcess after) {

  long rssDeltaBytes() {
    return after.rssBytes() - before.rssBytes();
  }

  /** Null when either snapshot has no PSS for it. */
  Long pssDeltaBytes() {
    return before.pssBytes() == null || after.pssBytes() == null
        ? null
        : after.pssBytes() - before.pssBytes();
  }

  long swapDeltaBytes() {
    return after.swapBytes() - before.swapBytes();
  }

  /**
   * Each region kind either snapshot has for it, before and after (none where a side lacks the
   * kind); empty when either side has no regions.
   */
  Map<MappingKind, RegionChange> regions() {
    Map<MappingKind, RegionChange> changes = new EnumMap<>(MappingKind.class);
    if (before.regions() == null || after.regions() == null) {
      return changes;
    }
    for (MappingKind kind : MappingKind.values()) {
      MappingTotals was = before.regions().get(kind);
      MappingTotals is = after.regions().get(kind);
      if (was != null || is != null) {
        changes.put(
            kind,
            new RegionChange(
                was == null ? MappingTotals.NONE : was, is == null ? MappingTotals.NONE : is));
      }
    }
    return changes;
  }

  /** A region kind's totals in both snapshots. */
  record RegionChange(MappingTotals before, MappingTotals after) {
    long rssDeltaBytes() {
      return after.rssBytes() - before.rssBytes();
    }

    long pssDeltaBytes() {
      return after.pssBytes() - before.pssBytes();
    }

    long sizeDeltaBytes() {
      return after.sizeBytes() - before.sizeBytes();
    }

    long swapDeltaBytes() {
      return after.swapBytes() - before.swapBytes();
    }

    long dirtyDeltaBytes() {
      return after.dirtyBytes() - before.dirtyBytes();
    }

    int mappingsDelta() {
      return after.mappings() - before.mappings();
    }
  }
}
