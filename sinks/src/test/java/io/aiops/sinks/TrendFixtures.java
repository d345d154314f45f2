package io.aiops.sinks;

import io.aiops.schemas.memory.MemoryTrend;
import io.aiops.schemas.memory.SeriesKind;

/** Named trend points shared by the sink tests: five-minute windows of processes on web-01. */
public final class TrendFixtures {
  public static final long FIVE_MINUTES = 300_000L;
  public static final String WEB_01 = "web-01";

  /** The series id the stream processor gives a process: host/boot/pid/start_time_ticks. */
  public static final String NGINX_4242 = WEB_01 + "/boot-1/4242/987654";

  /** The same pid, reused by a later process (another start time). */
  public static final String NGINX_4242_REUSED = WEB_01 + "/boot-1/4242/1200000";

  private TrendFixtures() {}

  /**
   * The point of {@code seriesId} on web-01 for the window ending at {@code windowEndMs}, a process
   * at {@code rssBytes} on average, growing 12 MiB an hour under a 2 GiB limit.
   */
  public static MemoryTrend nginxWindow(String seriesId, long windowEndMs, long rssBytes) {
    return MemoryTrend.newBuilder()
        .setSeriesId(seriesId)
        .setSeriesKind(SeriesKind.PROCESS)
        .setHostId(WEB_01)
        .setService("nginx.service")
        .setComm("nginx")
        .setPid(4242)
        .setWindowStartMs(windowEndMs - FIVE_MINUTES)
        .setWindowEndMs(windowEndMs)
        .setSampleCount(30)
        .setRssMeanBytes(rssBytes)
        .setRssMinBytes(rssBytes - 1_000_000)
        .setRssMaxBytes(rssBytes + 1_000_000)
        .setRssLastBytes(rssBytes + 500_000)
        .setSlopeBytesPerHour(12_582_912.0)
        .setLimitBytes(2_147_483_648L)
        .setOomEtaSeconds(307_200.0)
        .build();
  }
}
