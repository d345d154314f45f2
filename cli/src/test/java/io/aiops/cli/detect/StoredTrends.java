package io.aiops.cli.detect;

import io.aiops.collector.host.HostIdentity;
import io.aiops.collector.host.HostPaths;
import io.aiops.collector.procfs.ProcessReading;
import io.aiops.schemas.memory.MemoryTrend;
import io.aiops.schemas.memory.SeriesKind;
import io.aiops.streams.topology.ProcessSeriesId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Trend points of a live process of this host as the stream processor would have published them,
 * for a query store the tests fill: a leaking series and a flat one, in 5-minute windows up to now.
 */
final class StoredTrends {
  static final long LIMIT_BYTES = 4L << 30;
  private static final long FIVE_MINUTES_MS = 300_000L;
  private static final long HOUR_MS = 3_600_000L;
  private static final double MB = 1e6;

  private StoredTrends() {}

  /** The series id the stream processor gives this process of this host. */
  static String seriesIdOf(ProcessReading process) {
    HostIdentity host = HostIdentity.read(HostPaths.live());
    return ProcessSeriesId.of(
        host.hostId(), host.bootId(), process.pid(), process.startTimeTicks());
  }

  /**
   * {@code hours} of five-minute windows up to now: 1 GB with a ±8 % daily swing, leaking 20 MB/h,
   * under a 4 GiB limit, as the stream processor publishes them.
   */
  static List<MemoryTrend> leakingWindows(
      String seriesId, ProcessReading process, long nowMs, int hours) {
    Random noise = new Random(20261122);
    long lastEnd = Math.floorDiv(nowMs, FIVE_MINUTES_MS) * FIVE_MINUTES_MS;
    List<MemoryTrend> windows = new ArrayList<>();
    for (long end = lastEnd - hours * HOUR_MS + FIVE_MINUTES_MS;
        end <= lastEnd;
        end += FIVE_MINUTES_MS) {
      double h = (end - lastEnd) / (double) HOUR_MS + hours;
      double mean =
          1000 * MB * (1 + 0.08 * Math.sin(2 * Math.PI * h / 24))
              + 20 * MB * h
              + noise.nextGaussian() * 3 * MB;
      windows.add(window(seriesId, process, end, mean));
    }
    return windows;
  }

  static List<MemoryTrend> flatWindows(
      String seriesId, ProcessReading process, long nowMs, int hours) {
    long lastEnd = Math.floorDiv(nowMs, FIVE_MINUTES_MS) * FIVE_MINUTES_MS;
    List<MemoryTrend> windows = new ArrayList<>();
    for (long end = lastEnd - hours * HOUR_MS + FIVE_MINUTES_MS;
        end <= lastEnd;
        end += FIVE_MINUTES_MS) {
      windows.add(window(seriesId, process, end, 300 * MB));
    }
    return windows;
  }

  static MemoryTrend window(
      String seriesId, ProcessReading process, long windowEndMs, double meanBytes) {
    long mean = Math.round(meanBytes);
    return MemoryTrend.newBuilder()
        .setSeriesId(seriesId)
        .setSeriesKind(SeriesKind.PROCESS)
        .setHostId(HostIdentity.read(HostPaths.live()).hostId())
        .setService(process.comm())
        .setComm(process.comm())
        .setPid(process.pid())
        .setWindowStartMs(windowEndMs - FIVE_MINUTES_MS)
        .setWindowEndMs(windowEndMs)
        .setSampleCount(30)
        .setRssMeanBytes(meanBytes)
        .setRssMinBytes(mean - 2_000_000)
        .setRssMaxBytes(mean + 2_000_000)
        .setRssLastBytes(mean)
        .setLimitBytes(LIMIT_BYTES)
        .build();
  }

  /** The windows as an exported CSV: each window's mean at its middle, and the limit. */
  static Path exported(List<MemoryTrend> windows, Path dir) throws IOException {
    StringBuilder csv = new StringBuilder("timestamp,rss_bytes,limit_bytes\n");
    for (MemoryTrend w : windows) {
      long middleSec = (w.getWindowStartMs() + FIVE_MINUTES_MS / 2) / 1000;
      csv.append(middleSec)
          .append(',')
          .append(Math.round(w.getRssMeanBytes()))
          .append(',')
          .append(w.getLimitBytes())
          .append('\n');
    }
    Path file = dir.resolve("pid.csv");
    Files.writeString(file, csv);
    return file;
  }
}
