package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WarmUpCurveTest extends DetectionFixtures {
  private static final double NOISE_BYTES = 4 * MIB;

  @Test
  void seesAWarmUpLevelOffUnderADailySwing() {
    // 3.5 time constants since the start: 97 % of the rise is done.
    Trace trace = flat(GIB).plus(exponentialWarmUp(400 * MIB, 20, 4)).plus(dailySwing(80 * MIB, 1));

    assertTrue(levelsOff(trace, 34));
  }

  @Test
  void waitsWhileTheRiseIsYoungerThanTwoTimeConstants() {
    Trace trace = flat(GIB).plus(exponentialWarmUp(400 * MIB, 20, 6)).plus(dailySwing(80 * MIB, 1));

    assertFalse(levelsOff(trace, 30));
  }

  @Test
  void seesNoWarmUpInALeakUnderTheSameSwing() {
    Trace trace = flat(GIB).plus(growth(20 * MIB, 5)).plus(dailySwing(80 * MIB, 1));

    assertFalse(levelsOff(trace, 34));
  }

  @Test
  void seesNoWarmUpInALeakUnderOfficeHours() {
    Trace trace = flat(GIB).plus(growth(10 * MIB, 4)).plus(businessHours(200 * MIB));

    assertFalse(levelsOff(trace, 40));
  }

  @Test
  void seesNoWarmUpInALeakUnderOfficeHoursWithTheirPulseFitted() {
    // At 28 h the last ten hours are off-hours: with the harmonics, the curve takes up the edge at
    // 18:00 and the night reads as a plateau.
    Trace trace = flat(GIB).plus(growth(12 * MIB, 2)).plus(businessHours(200 * MIB));
    double[][] points = relativePoints(replay(trace, 28, NOISE_BYTES, 7));
    DailyPulse pulse = DailySwingFit.fit(points[0], points[1]).swing().pulse();

    assertNotEquals(DailyPulse.NONE, pulse);
    assertTrue(WarmUpCurve.levelsOff(points[0], points[1], DailyPulse.NONE));
    assertFalse(WarmUpCurve.levelsOff(points[0], points[1], pulse));
  }

  @Test
  void seesNoWarmUpInALeakUnderANightlyBatch() {
    // The closest call: a curve takes up one of the batch's sharp edges and leaves 0.47 of the
    // best ramp's error.
    Trace trace = flat(GIB).plus(growth(6 * MIB, 4)).plus(dailyPeak(0.15 * GIB, 2));

    assertFalse(levelsOff(trace, 40));
  }

  @Test
  void seesNoWarmUpInAnAcceleratingLeak() {
    Trace trace = flat(GIB).plus(hours -> 0.4 * MIB * Math.pow(Math.max(0, hours - 6), 2));

    assertFalse(levelsOff(trace, 40));
  }

  /** Rises by {@code riseBytes} from {@code startHour}, approaching it with time constant tau. */
  private static Trace exponentialWarmUp(double riseBytes, double startHour, double tauHours) {
    return hours -> riseBytes * (1 - Math.exp(-Math.max(0, hours - startHour) / tauHours));
  }

  private static boolean levelsOff(Trace trace, double hours) {
    double[][] points = relativePoints(replay(trace, hours, NOISE_BYTES, 7));
    return WarmUpCurve.levelsOff(points[0], points[1], DailyPulse.NONE);
  }
}
