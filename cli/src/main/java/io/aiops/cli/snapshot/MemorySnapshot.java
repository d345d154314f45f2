package io.aiops.cli.snapshot;

import java.util.List;
import java.util.Map;

/**
 * A host's memory at one instant, as {@code aiops snapshot memory} saves it and {@code aiops diff
 * memory} compares it: meminfo and every process, with smaps regions for the large ones.
 */
public record MemorySnapshot(
    int formatVersion,
    long takenAtMs,
    String hostId,
    String bootId,
    String hostname,
    long pageSizeBytes,
    long rssFloorBytes,
    int top,
    Map<String, Long> meminfo,
    List<SnapshotProcess> processes) {

  public static final String FORMAT = "aiops-memory-snapshot";
  public static final int FORMAT_VERSION = 1;
}
