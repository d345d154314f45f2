package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OomEtaEstimatorTest {
  private static final Duration THIRTY_DAYS = Duration.ofDays(30);

  @Test
  void takesOneHundredHoursFromOneGbToTwoGbAtTenMbPerHour() {
    double seconds = OomEtaEstimator.etaSeconds(1e9, 1e7, 2e9, THIRTY_DAYS).orElseThrow();

    assertEquals(100 * 3600, seconds, 1e-6);
  }

  @Test
  void reportsNothingBeyondTheHorizon() {
    // 720 h reach exactly 30 days; one byte more headroom is past it.
    assertEquals(
        720 * 3600, OomEtaEstimator.etaSeconds(0, 1e7, 7.2e9, THIRTY_DAYS).orElseThrow(), 1e-6);
    assertTrue(OomEtaEstimator.etaSeconds(0, 1e7, 7.2e9 + 100, THIRTY_DAYS).isEmpty());
    assertTrue(OomEtaEstimator.etaSeconds(1e9, 1e7, 16e9, THIRTY_DAYS).isEmpty());
  }

  @Test
  void reportsNothingWhenNotGrowing() {
    assertTrue(OomEtaEstimator.etaSeconds(1e9, 0, 2e9, THIRTY_DAYS).isEmpty());
    assertTrue(OomEtaEstimator.etaSeconds(1e9, -1e7, 2e9, THIRTY_DAYS).isEmpty());
    assertTrue(OomEtaEstimator.etaSeconds(1e9, Double.NaN, 2e9, THIRTY_DAYS).isEmpty());
  }

  @Test
  void reportsNothingWhenTheLimitIsUnknown() {
    assertTrue(OomEtaEstimator.etaSeconds(1e9, 1e7, 0, THIRTY_DAYS).isEmpty());
    assertTrue(OomEtaEstimator.etaSeconds(1e9, 1e7, -1, THIRTY_DAYS).isEmpty());
  }

  @Test
  void reportsNowWhenTheTrendIsAlreadyPastTheLimit() {
    assertEquals(0, OomEtaEstimator.etaSeconds(3e9, 1e7, 2e9, THIRTY_DAYS).orElseThrow());
  }
}
