package io.aiops.sinks.store;

import static io.aiops.sinks.AnomalyFixtures.MONDAY_10_00;
import static io.aiops.sinks.TrendFixtures.FIVE_MINUTES;
import static io.aiops.sinks.TrendFixtures.NGINX_4242;
import static io.aiops.sinks.TrendFixtures.NGINX_4242_REUSED;
import static io.aiops.sinks.TrendFixtures.WEB_01;
import static io.aiops.sinks.TrendFixtures.nginxWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.schemas.memory.MemoryTrend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendStoreTest {
  private static final long ONE_HOUR = 3_600_000L;
  private static final long MB = 1_000_000L;

  @TempDir Path dir;

  @Test
  void returnsOneSeriesPointsSinceTheGivenWindowEndOldestFirst() {
    try (QueryStore opened = QueryStore.open(dir)) {
      TrendStore trends = opened.trends();
      trends.put(nginxWindow(NGINX_4242, MONDAY_10_00 + 2 * FIVE_MINUTES, 102 * MB));
      trends.put(nginxWindow(NGINX_4242, MONDAY_10_00, 100 * MB));
      trends.put(nginxWindow(NGINX_4242, MONDAY_10_00 + FIVE_MINUTES, 101 * MB));
      trends.put(nginxWindow(NGINX_4242, MONDAY_10_00 - FIVE_MINUTES, 99 * MB));

      List<MemoryTrend> points = trends.points(WEB_01, NGINX_4242, MONDAY_10_00, 100);

      assertEquals(
          List.of(MONDAY_10_00, MONDAY_10_00 + FIVE_MINUTES, MONDAY_10_00 + 2 * FIVE_MINUTES),
          ends(points));
      assertEquals(nginxWindow(NGINX_4242, MONDAY_10_00, 100 * MB), points.get(0));
      assertEquals(2, trends.points(WEB_01, NGINX_4242, 0, 2).size(), "the limit");
    }
  }

  @Test
  void keepsTwoProcessesThatHadTheSamePidApart() {
    try (QueryStore opened = QueryStore.open(dir)) {
      TrendStore trends = opened.trends();
      trends.put(nginxWindow(NGINX_4242, MONDAY_10_00, 100 * MB));
      trends.put(nginxWindow(NGINX_4242_REUSED, MONDAY_10_00 + ONE_HOUR, 50 * MB));
      trends.put(nginxWindow(NGINX_4242_REUSED, MONDAY_10_00 + ONE_HOUR + FIVE_MINUTES, 51 * MB));

      assertEquals(List.of(MONDAY_10_00), ends(trends.points(WEB_01, NGINX_4242, 0, 100)));
      assertEquals(2, trends.points(WEB_01, NGINX_4242_REUSED, 0, 100).size());
      assertEquals(
          NGINX_4242_REUSED,
          trends.latestOfPid(WEB_01, 4242).orElseThrow().seriesId(),
          "the pid's latest process");
      assertTrue(trends.latestOfPid(WEB_01, 4243).isEmpty());
    }
  }

  @Test
  void keepsHostsWhoseIdsShareAPrefixApart() {
    try (QueryStore opened = QueryStore.open(dir)) {
      TrendStore trends = opened.trends();
      trends.put(nginxWindow(NGINX_4242, MONDAY_10_00, 100 * MB));
      MemoryTrend other = nginxWindow(NGINX_4242, MONDAY_10_00, 7 * MB);
      other.setHostId("web-011");

      trends.put(other);

      assertEquals(1, trends.series(WEB_01).size());
      assertEquals(1, trends.series("web-011").size());
      assertEquals(100 * MB, trends.points(WEB_01, NGINX_4242, 0, 10).get(0).getRssMeanBytes());
      assertTrue(trends.series("web-0").isEmpty());
    }
  }

  @Test
  void listsAHostsSeriesWithTheirFirstWindowAndLatestPoint() {
    try (QueryStore opened = QueryStore.open(dir)) {
      TrendStore trends = opened.trends();
      for (int i = 0; i < 3; i++) {
        trends.put(nginxWindow(NGINX_4242, MONDAY_10_00 + i * FIVE_MINUTES, (100 + i) * MB));
      }
      trends.put(nginxWindow(NGINX_4242_REUSED, MONDAY_10_00 + ONE_HOUR, 50 * MB));
      // A late copy of an old window changes neither the first window nor the latest point.
      trends.put(nginxWindow(NGINX_4242, MONDAY_10_00 + FIVE_MINUTES, 101 * MB));

      List<TrendSeries> series = trends.series(WEB_01);

      assertEquals(List.of(NGINX_4242_REUSED, NGINX_4242).stream().sorted().toList(), ids(series));
      TrendSeries nginx = trends.series(WEB_01, NGINX_4242).orElseThrow();
      assertEquals(MONDAY_10_00 - FIVE_MINUTES, nginx.firstWindowStartMs());
      assertEquals(MONDAY_10_00 + 2 * FIVE_MINUTES, nginx.lastWindowEndMs());
      assertEquals(102 * MB, nginx.latest().getRssMeanBytes());
    }
  }

  @Test
  void storesARepeatedWindowOnce() {
    try (QueryStore opened = QueryStore.open(dir)) {
      TrendStore trends = opened.trends();
      trends.put(nginxWindow(NGINX_4242, MONDAY_10_00, 100 * MB));
      trends.put(nginxWindow(NGINX_4242, MONDAY_10_00, 100 * MB));

      assertEquals(1, trends.points(WEB_01, NGINX_4242, 0, 10).size());
    }
  }

  @Test
  void cutsALivingSeriesToItsRetentionOnceItsOldestPointIsASlackOlder() {
    // Eight hours kept, cut in steps of one hour.
    TrendRetention eightHours = new TrendRetention(Duration.ofHours(8));
    try (QueryStore opened = QueryStore.open(dir, eightHours)) {
      TrendStore trends = opened.trends();
      int windowsIn9Hours = 9 * 12;
      for (int i = 0; i < windowsIn9Hours; i++) {
        trends.put(nginxWindow(NGINX_4242, MONDAY_10_00 + i * FIVE_MINUTES, 100 * MB));
      }
      assertEquals(windowsIn9Hours, count(trends), "within keep + slack nothing is cut");

      long lastEnd = MONDAY_10_00 + windowsIn9Hours * FIVE_MINUTES;
      trends.put(nginxWindow(NGINX_4242, lastEnd, 100 * MB));

      List<MemoryTrend> kept = trends.points(WEB_01, NGINX_4242, 0, 1000);
      assertEquals(lastEnd - 8 * ONE_HOUR, kept.get(0).getWindowEndMs(), "the last 8 hours");
      assertEquals(8 * 12 + 1, kept.size());
      assertEquals(
          kept.get(0).getWindowStartMs(),
          trends.series(WEB_01, NGINX_4242).orElseThrow().firstWindowStartMs());
    }
  }

  @Test
  void ignoresALateCopyOfAWindowTheRetentionHasCut() {
    try (QueryStore opened = QueryStore.open(dir, new TrendRetention(Duration.ofHours(1)))) {
      TrendStore trends = opened.trends();
      trends.put(nginxWindow(NGINX_4242, MONDAY_10_00 + 3 * ONE_HOUR, 100 * MB));

      trends.put(nginxWindow(NGINX_4242, MONDAY_10_00, 90 * MB));

      assertEquals(1, count(trends));
    }
  }

  @Test
  void dropsTheSeriesOfProcessesGoneForLongerThanTheRetention() {
    try (QueryStore opened = QueryStore.open(dir, new TrendRetention(Duration.ofDays(7)))) {
      TrendStore trends = opened.trends();
      long now = MONDAY_10_00 + Duration.ofDays(10).toMillis();
      trends.put(nginxWindow(NGINX_4242, MONDAY_10_00, 100 * MB));
      trends.put(nginxWindow(NGINX_4242, MONDAY_10_00 + FIVE_MINUTES, 100 * MB));
      trends.put(nginxWindow(NGINX_4242_REUSED, now - Duration.ofDays(6).toMillis(), 50 * MB));

      assertEquals(1, trends.expire(now));

      assertEquals(List.of(NGINX_4242_REUSED), ids(trends.series(WEB_01)));
      assertEquals(List.of(), trends.points(WEB_01, NGINX_4242, 0, 10));
      assertEquals(1, trends.points(WEB_01, NGINX_4242_REUSED, 0, 10).size());
      assertEquals(0, trends.expire(now), "nothing left to drop");
    }
  }

  @Test
  void refusesAMalformedPointWithTheReason() {
    MemoryTrend backwards = nginxWindow(NGINX_4242, MONDAY_10_00, 100 * MB);
    backwards.setWindowStartMs(MONDAY_10_00 + 1);
    try (QueryStore opened = QueryStore.open(dir)) {
      var e = assertThrows(IllegalArgumentException.class, () -> opened.trends().put(backwards));
      assertTrue(e.getMessage().contains("window_end_ms"), e.getMessage());
      assertTrue(opened.trends().series(WEB_01).isEmpty());
    }
  }

  @Test
  void keepsTrendsAndAnomaliesAcrossCloseAndReopen() {
    try (QueryStore opened = QueryStore.open(dir)) {
      opened.trends().put(nginxWindow(NGINX_4242, MONDAY_10_00, 100 * MB));
    }

    try (QueryStore reopened = QueryStore.open(dir)) {
      assertEquals(
          List.of(nginxWindow(NGINX_4242, MONDAY_10_00, 100 * MB)),
          reopened.trends().points(WEB_01, NGINX_4242, 0, 10));
      assertEquals(1, reopened.trends().approximatePointCount());
      assertEquals(0, reopened.anomalies().approximateCount(), "trends are not anomalies");
    }
  }

  private static int count(TrendStore trends) {
    return trends.points(WEB_01, NGINX_4242, Long.MIN_VALUE, 10_000).size();
  }

  private static List<Long> ends(List<MemoryTrend> points) {
    return points.stream().map(MemoryTrend::getWindowEndMs).toList();
  }

  private static List<String> ids(List<TrendSeries> series) {
    return series.stream().map(TrendSeries::seriesId).toList();
  }
}
