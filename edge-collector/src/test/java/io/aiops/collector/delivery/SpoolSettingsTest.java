package io.aiops.collector.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.delivery.spool.SpoolFsync;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SpoolSettingsTest {
  private static final Path DIR = Path.of("/var/lib/aiops/spool");

  @Test
  void defaultsTo256MibIn16MibSegmentsForcedPerRecord() {
    SpoolSettings settings = SpoolSettings.defaults(DIR);

    assertEquals(256L * 1024 * 1024, settings.maxBytes());
    assertEquals(16L * 1024 * 1024, settings.segmentBytes());
    assertEquals(SpoolFsync.EVERY_RECORD, settings.fsync());
    assertTrue(settings.compress());
  }

  @Test
  void sizesSegmentsToASixteenthOfASmallerCap() {
    SpoolSettings settings = SpoolSettings.defaults(DIR).withMaxBytes(1024 * 1024);

    assertEquals(64 * 1024, settings.segmentBytes());
  }

  @Test
  void namesTheBadValue() {
    SpoolSettings defaults = SpoolSettings.defaults(DIR);

    assertMessageNames("5000", () -> defaults.withMaxBytes(5_000));
    assertMessageNames("PT0S", () -> defaults.withBackoff(Duration.ZERO, Duration.ofSeconds(1)));
    assertMessageNames(
        "PT1S", () -> defaults.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    assertMessageNames("PT-1S", () -> defaults.withCloseTimeout(Duration.ofSeconds(-1)));
    assertMessageNames(
        "maxInFlightRecords",
        () ->
            new SpoolSettings(
                DIR,
                defaults.maxBytes(),
                defaults.segmentBytes(),
                SpoolFsync.EVERY_RECORD,
                true,
                0,
                1,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ZERO));
  }

  private static void assertMessageNames(String expected, Runnable construction) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
