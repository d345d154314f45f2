package io.aiops.cli.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredHistoryTest {
  private static final long T0_MS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
  private static final long FIVE_MINUTES_MS = 300_000L;

  private static TrendPoint window(int i, double meanBytes, long limitBytes) {
    long start = T0_MS + i * FIVE_MINUTES_MS;
    return new TrendPoint(start, start + FIVE_MINUTES_MS, meanBytes, limitBytes);
  }

  @Test
  void coversFromTheFirstWindowStartToTheLastWindowEnd() {
    StoredHistory hour =
        new StoredHistory(List.of(window(0, 1, -1), window(5, 1, -1), window(11, 1, -1)));

    assertEquals(Duration.ofHours(1), hour.covered());
    assertTrue(hour.covers(Duration.ofHours(1)));
    assertFalse(hour.covers(Duration.ofMinutes(61)));
    assertFalse(new StoredHistory(List.of()).covers(Duration.ZERO), "nothing covers nothing");
  }

  @Test
  void becomesASeriesOfWindowMeansAtTheirMiddlesWithTheLastLimit() {
    StoredHistory stored =
        new StoredHistory(
            List.of(window(0, 100.4, 4096), window(1, 200.6, 8192), window(2, 300, -1)));

    MemorySeries series = stored.series("pid:42");

    assertEquals("pid:42", series.name());
    long t0Sec = T0_MS / 1000;
    assertArrayEquals(new long[] {t0Sec + 150, t0Sec + 450, t0Sec + 750}, series.timestampsSec());
    assertArrayEquals(new double[] {100, 201, 300}, series.values(), "whole bytes, as sampled");
    assertEquals(8192, series.limitBytes(), "the last limit given");
  }

  @Test
  void gathersADayAndTheDetectorsBucketForAVerdictOnADayAndShortHistoriesAsAsked() {
    assertEquals(
        Duration.ofMinutes(24 * 60 + 30), DetectMemoryLeakCommand.toGather(Duration.ofHours(24)));
    assertEquals(
        Duration.ofHours(72).plusMinutes(30),
        DetectMemoryLeakCommand.toGather(Duration.ofHours(72)));
    assertEquals(Duration.ofSeconds(3), DetectMemoryLeakCommand.toGather(Duration.ofSeconds(3)));
  }
}
