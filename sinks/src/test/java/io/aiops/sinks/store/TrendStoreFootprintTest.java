package io.aiops.sinks.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.schemas.memory.MemoryTrend;
import io.aiops.schemas.memory.SeriesKind;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a trend point costs: one host of 300 processes for a day of five-minute windows (86,400
 * points, with ids and names as long as real ones), written as the sink writes them, window by
 * window across all processes, then compacted.
 */
class TrendStoreFootprintTest {
  private static final int PROCESSES = 300;
  private static final int WINDOWS = 288;
  private static final long FIVE_MINUTES = 300_000L;
  private static final long START_MS = 1_767_225_600_000L;

  @TempDir Path dir;

  @Test
  void aStoredPointTakesUnder64BytesOnDisk() {
    Random random = new Random(7);
    String hostId = new UUID(random.nextLong(), random.nextLong()).toString().replace("-", "");
    String bootId = new UUID(random.nextLong(), random.nextLong()).toString();
    double[] rss = new double[PROCESSES];
    for (int p = 0; p < PROCESSES; p++) {
      rss[p] = 50e6 + random.nextDouble() * 2e9;
    }
    try (QueryStore opened = QueryStore.open(dir)) {
      TrendStore trends = opened.trends();
      long startNanos = System.nanoTime();
      for (int w = 0; w < WINDOWS; w++) {
        for (int p = 0; p < PROCESSES; p++) {
          rss[p] *= 1 + random.nextGaussian() * 0.002;
          trends.put(window(hostId, bootId, p, START_MS + (w + 1) * FIVE_MINUTES, rss[p]));
        }
      }
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      long bytes = trends.compactedPointBytes();
      int points = PROCESSES * WINDOWS;
      double bytesPerPoint = (double) bytes / points;
      System.out.printf(
          "trend store: %d points in %.1f s (%.0f points/s), %d bytes compacted, %.1f B/point%n",
          points, seconds, points / seconds, bytes, bytesPerPoint);

      assertEquals(PROCESSES, trends.series(hostId).size());
      assertEquals(WINDOWS, trends.points(hostId, seriesId(hostId, bootId, 7), 0, 10_000).size());
      assertTrue(bytesPerPoint < 64, bytesPerPoint + " B/point");
    }
  }

  private static MemoryTrend window(
      String hostId, String bootId, int process, long windowEndMs, double rssBytes) {
    long mean = Math.round(rssBytes);
    return MemoryTrend.newBuilder()
        .setSeriesId(seriesId(hostId, bootId, process))
        .setSeriesKind(SeriesKind.PROCESS)
        .setHostId(hostId)
        .setService("/system.slice/kubepods-burstable-pod" + process + ".slice/cri-containerd")
        .setComm("worker-" + process)
        .setPid(1000 + process)
        .setWindowStartMs(windowEndMs - FIVE_MINUTES)
        .setWindowEndMs(windowEndMs)
        .setSampleCount(30)
        .setRssMeanBytes(rssBytes)
        .setRssMinBytes(mean - 4096 * (mean % 97))
        .setRssMaxBytes(mean + 4096 * (mean % 89))
        .setRssLastBytes(mean + 4096 * (mean % 13))
        .setSlopeBytesPerHour(rssBytes * 0.001)
        .setLimitBytes(8_589_934_592L)
        .setOomEtaSeconds(rssBytes % 1e6)
        .build();
  }

  private static String seriesId(String hostId, String bootId, int process) {
    return hostId + "/" + bootId + "/" + (1000 + process) + "/" + (123_456L + process * 17L);
  }
}
