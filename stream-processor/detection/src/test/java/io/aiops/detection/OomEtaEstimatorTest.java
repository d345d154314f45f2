package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OomEtaEstimatorTest {
  private static final Duration THIRTY_DAYS = Duration.ofDays(30);

  @Test
  void takesOneHundredHoursFromOneGbToTwoGbAtTenMbPerHour() {
    double seconds = OomEtaEstimator.etaSeconds(1e9, 1e7, 0, 2e9, THIRTY_DAYS).orElseThrow();

    assertEquals(100 * 3600, seconds, 1e-6);
  }

  @Test
  void anAcceleratingRateReachesTheLimitSooner() {
    // 10 MB/h growing by 1 MB/h each hour: 10x + x²/2 = 1000 MB at x = -10 + sqrt(2100) h.
    double seconds = OomEtaEstimator.etaSeconds(1e9, 1e7, 1e6, 2e9, THIRTY_DAYS).orElseThrow();

    assertEquals((-10 + Math.sqrt(2100)) * 3600, seconds, 1e-3);
    assertTrue(seconds < 100 * 3600);
  }

  @Test
  void theRangeFollowsTheRatesBoundsAndOpensWhenTheSlowestDoesNotGrow() {
    OomEta eta = OomEtaEstimator.estimate(1e9, 1e7, 5e6, 2e7, 0, 2e9, THIRTY_DAYS);

    assertEquals(100 * 3600, eta.seconds().orElseThrow(), 1e-6);
    assertEquals(50 * 3600, eta.earliestSeconds().orElseThrow(), 1e-6);
    assertEquals(200 * 3600, eta.latestSeconds().orElseThrow(), 1e-6);
    OomEta open = OomEtaEstimator.estimate(1e9, 1e7, -1e6, 2e7, 0, 2e9, THIRTY_DAYS);
    assertTrue(open.latestSeconds().isEmpty());
    assertEquals(50 * 3600, open.earliestSeconds().orElseThrow(), 1e-6);
  }

  @Test
  void reportsNothingBeyondTheHorizon() {
    // 720 h reach exactly 30 days; one byte more headroom is past it.
    assertEquals(
        720 * 3600, OomEtaEstimator.etaSeconds(0, 1e7, 0, 7.2e9, THIRTY_DAYS).orElseThrow(), 1e-6);
    assertTrue(OomEtaEstimator.etaSeconds(0, 1e7, 0, 7.2e9 + 100, THIRTY_DAYS).isEmpty());
    assertTrue(OomEtaEstimator.etaSeconds(1e9, 1e7, 0, 16e9, THIRTY_DAYS).isEmpty());
  }

  @Test
  void reportsNothingWhenNotGrowing() {
    assertTrue(OomEtaEstimator.etaSeconds(1e9, 0, 0, 2e9, THIRTY_DAYS).isEmpty());
    assertTrue(OomEtaEstimator.etaSeconds(1e9, -1e7, 0, 2e9, THIRTY_DAYS).isEmpty());
    assertTrue(OomEtaEstimator.etaSeconds(1e9, Double.NaN, 0, 2e9, THIRTY_DAYS).isEmpty());
  }

  @Test
  void reportsNothingWhenTheLimitIsUnknown() {
    assertTrue(OomEtaEstimator.etaSeconds(1e9, 1e7, 0, 0, THIRTY_DAYS).isEmpty());
    assertTrue(OomEtaEstimator.etaSeconds(1e9, 1e7, 0, -1, THIRTY_DAYS).isEmpty());
  }

  @Test
  void reportsNowWhenTheTrendIsAlreadyPastTheLimit() {
    assertEquals(0, OomEtaEstimator.etaSeconds(3e9, 1e7, 0, 2e9, THIRTY_DAYS).orElseThrow());
  }
}
