package io.aiops.detection.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScoreCalibrationTest {
  private final ScoreCalibration calibration = ScoreCalibration.defaults();

  @Test
  void ordinaryNoiseScoresZeroAndFiveRobustDeviationsScoreOneHalf() {
    assertEquals(0, calibration.score(0));
    assertEquals(0, calibration.score(3));
    assertEquals(0, calibration.score(-3));
    assertEquals(0.5, calibration.score(5), 1e-12);
    assertEquals(0.5, calibration.score(-5), 1e-12);
  }

  @Test
  void eachFurtherTwoDeviationsHalveWhatIsLeftBelowOne() {
    assertEquals(1 - Math.sqrt(0.5), calibration.score(4), 1e-12);
    assertEquals(0.75, calibration.score(7), 1e-12);
    assertEquals(0.875, calibration.score(9), 1e-12);
    assertEquals(1, calibration.score(1e6), 1e-12);
    assertEquals(0, calibration.score(Double.NaN));
  }

  @Test
  void refusesAHalfScorePointBelowTheIgnoredBand() {
    assertThrows(IllegalArgumentException.class, () -> new ScoreCalibration(3, 3));
    assertThrows(IllegalArgumentException.class, () -> new ScoreCalibration(-1, 5));
  }
}
