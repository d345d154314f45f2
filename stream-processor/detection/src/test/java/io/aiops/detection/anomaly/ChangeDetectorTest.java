package io.aiops.detection.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ChangeDetectorTest {
  private static final int GROWTH_POINTS = 20;
  private final ChangeDetector detector = new ChangeDetector(0.5, 8, 4, GROWTH_POINTS);

  @Test
  void oneSpikeRaisesNoAlarm() {
    assertNull(detector.observe(0.3, 0));
    assertNull(detector.observe(40, 1));
    for (int t = 2; t < 30; t++) {
      assertNull(detector.observe(0, t));
    }
    assertEquals(AnomalyKind.NONE, detector.ongoing(1));
  }

  @Test
  void threeBigDeviationsInARowAreALevelShiftDatedToTheFirst() {
    detector.observe(0.2, 0);
    assertNull(detector.observe(-6, 1));
    assertNull(detector.observe(-7, 2));

    ChangeDetector.Change change = detector.observe(-6, 3);

    assertNotNull(change);
    assertEquals(AnomalyKind.LEVEL_SHIFT, change.kind());
    assertEquals(1, change.onsetMs());
    assertEquals(AnomalyKind.LEVEL_SHIFT, detector.ongoing(-5));
  }

  @Test
  void aModerateSustainedShiftAccumulatesToOneLevelShiftAlarm() {
    int alarms = 0;
    long onset = -1;
    for (int t = 0; t < 10 + GROWTH_POINTS; t++) {
      ChangeDetector.Change change = detector.observe(t < 10 ? 0 : 2.5, t);
      if (change != null) {
        alarms++;
        onset = change.onsetMs();
        assertEquals(AnomalyKind.LEVEL_SHIFT, change.kind());
        // 2 a point (2.5 less the slack) would reach 8 on the fourth point; the run's own
        // correlation, learnt as it goes, slows that by one.
        assertEquals(14, t);
      }
    }
    assertEquals(1, alarms);
    assertEquals(10, onset);
  }

  @Test
  void theOnsetSkipsTheNoiseThatLiftedTheStatisticBeforeTheChange() {
    detector.observe(2.2, 0);
    detector.observe(-0.4, 1);
    detector.observe(0.9, 2);
    ChangeDetector.Change change = null;
    for (int t = 3; change == null; t++) {
      change = detector.observe(9, t);
    }
    assertEquals(3, change.onsetMs());
  }

  @Test
  void anUpwardShiftTheForecastNeverAbsorbsIsConfirmedAsGrowthWithItsOnset() {
    ChangeDetector.Change first = null;
    ChangeDetector.Change second = null;
    for (int t = 0; t < 100 && second == null; t++) {
      ChangeDetector.Change change = detector.observe(t < 5 ? 0 : 3, t);
      if (change != null && first == null) {
        first = change;
      } else if (change != null) {
        second = change;
      }
    }
    assertNotNull(second);
    assertEquals(AnomalyKind.LEVEL_SHIFT, first.kind());
    assertEquals(AnomalyKind.GROWTH, second.kind());
    assertEquals(5, second.onsetMs());
  }

  @Test
  void aStepTheForecastAbsorbsStaysALevelShiftAndEndsWhenTheStatisticDrains() {
    for (int t = 0; t < 3; t++) {
      detector.observe(10, t);
    }
    for (int t = 3; t < 3 + 2 * GROWTH_POINTS; t++) {
      assertNull(detector.observe(0, t), "no growth at " + t);
    }
    assertEquals(AnomalyKind.NONE, detector.ongoing(1));
  }

  @Test
  void aLastingDeclineIsNeverGrowth() {
    for (int t = 0; t < 200; t++) {
      ChangeDetector.Change change = detector.observe(-3, t);
      if (change != null) {
        assertEquals(AnomalyKind.LEVEL_SHIFT, change.kind());
      }
    }
    assertEquals(AnomalyKind.LEVEL_SHIFT, detector.ongoing(-1));
  }

  @Test
  void correlatedNoiseNeedsMoreToAlarmThanIndependentNoise() {
    // A slow wander: +1.5 for 12 points, then -1.5 for 12, again and again.
    ChangeDetector smooth = new ChangeDetector(0.5, 8, 4, GROWTH_POINTS);
    int alarms = 0;
    for (int t = 0; t < 2_000; t++) {
      if (smooth.observe((t / 12) % 2 == 0 ? 1.5 : -1.5, t) != null && t > 500) {
        alarms++;
      }
    }
    assertEquals(0, alarms, "once the correlation is learnt, the wander raises no alarm");
  }
}
