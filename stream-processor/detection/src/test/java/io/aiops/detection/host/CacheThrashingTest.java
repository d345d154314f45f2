package io.aiops.detection.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheThrashingTest extends HostFixtures {
  private static final long RAM = 16 * GIB;

  @Test
  void warnsWhenRefaultsReReadATenthOfAPercentOfRamEachSecond() {
    assertEquals(Optional.empty(), CacheThrashing.severity(0.00099 * RAM, RAM));
    assertEquals(Optional.of(Severity.WARNING), CacheThrashing.severity(0.001 * RAM, RAM));
    assertEquals(Optional.of(Severity.WARNING), CacheThrashing.severity(0.0099 * RAM, RAM));
    assertEquals(Optional.of(Severity.CRITICAL), CacheThrashing.severity(0.01 * RAM, RAM));
  }

  @Test
  void unknownRatesAreNoFinding() {
    assertEquals(Optional.empty(), CacheThrashing.severity(Double.NaN, RAM));
  }

  @Test
  void theHealthScoresCacheFactorCostsWatchPointsOnTheWarningLine() {
    HealthFactor atWarning =
        HealthPenalties.cacheRefaults(
            HostHealthScoreTest.signals(0.5, 0, 0, 0, 0, 0, 0, 0, 0.001 * RAM, 0));

    assertEquals(25, atWarning.penaltyPoints(), 1e-9);
    assertEquals(16.384, CacheThrashing.warningBytesPerSecond(RAM) / MIB, 1e-9);
  }
}
