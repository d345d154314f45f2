package io.aiops.detection.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnomalyScorerSettingsTest {

  @ParameterizedTest(name = "every {0} s: {1}-minute buckets, {2} a day")
  @CsvSource({
    "10, 5, 288",
    "60, 5, 288",
    "300, 5, 288",
    "320, 5, 288", // 5 min 20 s: jitter, still one sample per 5-minute bucket
    "420, 10, 144",
    "900, 15, 96",
    "1800, 30, 48",
    "3600, 60, 24"
  })
  void picksTheShortestBucketThatHoldsASampleSoADayIs24To288Points(
      long intervalSeconds, long bucketMinutes, int periodPoints) {
    AnomalyScorerSettings settings =
        AnomalyScorerSettings.forSampleInterval(Duration.ofSeconds(intervalSeconds));

    assertEquals(Duration.ofMinutes(bucketMinutes).toMillis(), settings.bucketMs());
    assertEquals(periodPoints, settings.periodPoints());
    assertTrue(settings.seasonal());
    assertEquals(periodPoints, settings.maxGapPoints(), "gaps up to a day are filled");
  }

  @Test
  void samplesSparserThanHourlyGetNoSeasonalModel() {
    AnomalyScorerSettings settings = AnomalyScorerSettings.forSampleInterval(Duration.ofHours(2));

    assertFalse(settings.seasonal());
    assertEquals(0, settings.periodPoints());
    assertEquals(null, settings.onlineStl());
    assertEquals(Duration.ofHours(1).toMillis(), settings.bucketMs());
  }

  @Test
  void theSeasonalModelIsOnlineStlOverADayWarmedUpForFourDays() {
    AnomalyScorerSettings settings = AnomalyScorerSettings.forBucket(Duration.ofMinutes(30), true);

    assertEquals(48, settings.onlineStl().periodPoints());
    assertEquals(4 * 48, settings.onlineStl().warmUpPoints());
  }

  @Test
  void refusesAPeriodThatIsNotADayOfBuckets() {
    AnomalyScorerSettings valid = AnomalyScorerSettings.forBucket(Duration.ofMinutes(30), true);
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AnomalyScorerSettings(
                    valid.bucketMs(),
                    47,
                    valid.warmUpPeriods(),
                    valid.seasonalWindowCycles(),
                    valid.recentSmoothing(),
                    valid.recentSlopeSmoothing(),
                    valid.recentWindowPoints(),
                    valid.remainderWindowPoints(),
                    valid.minWindowPoints(),
                    valid.clipZ(),
                    valid.shiftRunPoints(),
                    valid.scaleFloorFraction(),
                    valid.calibration(),
                    valid.cusumSlackZ(),
                    valid.cusumThresholdZ(),
                    valid.cusumClipZ(),
                    valid.growthConfirmPoints(),
                    valid.maxGapPoints()));
    assertTrue(refused.getMessage().contains("periodPoints"), refused.getMessage());
  }
}
