package io.aiops.cli.detect;

import io.aiops.schemas.memory.CgroupMemory;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.ProcessMemory;
import io.aiops.schemas.serde.AvroTrust;
import java.util.List;
import java.util.Optional;

/**
 * An exported series as the samples a collector would have sent: one host per series, one process
 * on it, one sample per row. A limit is the process's cgroup limit; without one the sample carries
 * no host memory figures (MemTotal 0), so the topology measures no ETA, as offline.
 */
final class ReplaySamples {
  static final String BOOT_ID = "replay";
  private static final int PID = 1;
  private static final String CGROUP = "/replayed";

  private final String hostId;
  private final MemorySeries series;

  ReplaySamples(String hostId, MemorySeries series) {
    // Samples are built before any serde exists, which is what registers the trust otherwise.
    AvroTrust.trustGeneratedClasses();
    this.hostId = hostId;
    this.series = series;
  }

  String hostId() {
    return hostId;
  }

  MemorySeries series() {
    return series;
  }

  int size() {
    return series.size();
  }

  /** The replayed process's series id in the topology: host, boot, pid, start time. */
  String seriesId() {
    return hostId + "/" + BOOT_ID + "/" + PID + "/0";
  }

  /**
   * Why the series cannot be replayed: a sample's RSS is a whole number of bytes, so a fractional
   * value would be rounded and the answers would differ.
   */
  static Optional<String> refuse(MemorySeries series) {
    for (int i = 0; i < series.size(); i++) {
      double value = series.values()[i];
      if (value != Math.rint(value) || Math.abs(value) >= 0x1p53) {
        return Optional.of(
            series.name()
                + ": --engine streams replays values as whole numbers (a sample's rss_bytes);"
                + " the value at timestamp "
                + series.timestampsSec()[i]
                + " is "
                + value);
      }
    }
    return Optional.empty();
  }

  HostMemorySample sample(int row) {
    long limitBytes = series.limitBytes();
    ProcessMemory.Builder process =
        ProcessMemory.newBuilder()
            .setPid(PID)
            .setStartTimeTicks(0)
            .setComm("replayed")
            .setRssBytes((long) series.values()[row]);
    HostMemorySample.Builder sample =
        HostMemorySample.newBuilder()
            .setHostId(hostId)
            .setBootId(BOOT_ID)
            .setTimestampMs(series.timestampsSec()[row] * 1000)
            .setMemTotalBytes(0)
            .setMemFreeBytes(0)
            .setMemAvailableBytes(0)
            .setSwapTotalBytes(0)
            .setSwapFreeBytes(0);
    if (limitBytes > 0) {
      process.setCgroupPath(CGROUP);
      sample.setCgroups(
          List.of(
              CgroupMemory.newBuilder()
                  .setPath(CGROUP)
                  .setCgroupVersion(2)
                  .setUsageBytes((long) series.values()[row])
                  .setLimitBytes(limitBytes)
                  .build()));
    }
    return sample.setProcesses(List.of(process.build())).build();
  }
}
