package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeakDetectorSettingsTest {
  private static final Duration DAY = Duration.ofHours(24);
  private static final Duration MONTH = Duration.ofDays(30);

  @Test
  void defaultsToADayOfHistoryFourPercentGrowthAndZOfThree() {
    LeakDetectorSettings settings = LeakDetectorSettings.defaults();

    assertEquals(DAY, settings.minHistory());
    assertEquals(24, settings.minPoints());
    assertEquals(0.04, settings.minGrowthFractionPerDay());
    assertEquals(3.0, settings.minTrendZ());
    assertEquals(MONTH, settings.etaHorizon());
  }

  @Test
  void refusesSettingsThatCannotWork() {
    assertThrows(
        IllegalArgumentException.class, () -> new LeakDetectorSettings(DAY, 3, 0.04, 3, MONTH));
    assertThrows(
        IllegalArgumentException.class, () -> new LeakDetectorSettings(DAY, 24, -0.1, 3, MONTH));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LeakDetectorSettings(DAY, 24, 0.04, Double.NaN, MONTH));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LeakDetectorSettings(DAY, 24, 0.04, 3, Duration.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LeakDetectorSettings(Duration.ofHours(-1), 24, 0.04, 3, MONTH));
    assertThrows(
        NullPointerException.class, () -> new LeakDetectorSettings(null, 24, 0.04, 3, MONTH));
  }
}
