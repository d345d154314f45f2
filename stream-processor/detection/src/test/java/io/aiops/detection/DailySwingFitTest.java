package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class DailySwingFitTest extends DetectionFixtures {
  @Test
  void recoversTheSwingOfASeriesGrowingLinearly() {
    double[][] series = points(flat(GIB).plus(growth(20 * MIB, 0)).plus(dailySwing(80 * MIB, 1)));

    DailySwingFit fit = DailySwingFit.fit(series[0], series[1]);
    double[] level = fit.swing().removeFrom(series[0], series[1]);

    assertEquals(80 * MIB, fit.swing().peakBytes(), 0.01 * 80 * MIB);
    for (int i = 0; i < level.length; i++) {
      double hours = series[0][i] / HOUR_MS;
      assertEquals(GIB + 20 * MIB * hours, level[i], MIB);
    }
  }

  @Test
  void keepsAStepOutOfTheSwing() {
    double[][] series = points(flat(GIB).plus(step(300 * MIB, 20)).plus(dailySwing(80 * MIB, 2)));

    DailySwingFit fit = DailySwingFit.fit(series[0], series[1]);

    assertEquals(TrendShape.STEP, fit.shape());
    assertEquals(20.25 * HOUR_MS, fit.breakpointMs(), 1e-6);
    assertEquals(300 * MIB, fit.riseBytes(), 1e-3 * 300 * MIB);
    assertEquals(80 * MIB, fit.swing().peakBytes(), 1e-3 * 80 * MIB);
  }

  @Test
  void keepsAWarmUpOutOfTheSwing() {
    // The plateau starts on a point (6.25 h), so the plateau shape can fit it exactly.
    Trace warmUp = warmUp(600 * MIB, 6.25);
    double[][] series = points(flat(GIB).plus(warmUp).plus(dailySwing(80 * MIB, 3)));
    double[] t = series[0];
    double riseInWindow =
        warmUp.bytesAt(t[t.length - 1] / HOUR_MS) - warmUp.bytesAt(t[0] / HOUR_MS);

    DailySwingFit fit = DailySwingFit.fit(t, series[1]);

    assertEquals(TrendShape.PLATEAU, fit.shape());
    assertEquals(6.25 * HOUR_MS, fit.breakpointMs(), 1e-6);
    assertEquals(riseInWindow, fit.riseBytes(), 1e-3 * riseInWindow);
    assertEquals(80 * MIB, fit.swing().peakBytes(), 1e-3 * 80 * MIB);
  }

  @Test
  void keepsAWarmUpThatStartsInsideTheWindowOutOfTheSwing() {
    // Flat for 10 h, rising to a plateau at 16 h, flat again: over 31 h the two harmonics alone
    // would bend this into a line. The bends fall on the two-bend grid (every 1 h here).
    Trace warmUp = hours -> 400 * MIB * Math.min(1, Math.max(0, hours - 10.25) / 6);
    double[][] series = points(flat(GIB).plus(warmUp).plus(dailySwing(60 * MIB, 1)), 31);

    DailySwingFit fit = DailySwingFit.fit(series[0], series[1]);
    double[] level = fit.swing().removeFrom(series[0], series[1]);

    assertEquals(TrendShape.RISE_THEN_PLATEAU, fit.shape());
    assertEquals(10.25 * HOUR_MS, fit.breakpointMs(), 1e-6);
    assertEquals(60 * MIB, fit.swing().peakBytes(), 0.02 * 60 * MIB);
    double lastLevel = level[level.length - 1];
    assertEquals(GIB + 400 * MIB, lastLevel, 4 * MIB);
  }

  @Test
  void prefersOneBendWhenASecondExplainsNothingMore() {
    double[][] series = points(flat(GIB).plus(growth(20 * MIB, 6)).plus(dailySwing(80 * MIB, 1)));

    DailySwingFit fit = DailySwingFit.fit(series[0], series[1]);

    assertEquals(TrendShape.RAMP, fit.shape());
  }

  @Test
  void followsOfficeHoursWithAPulseFromADayAndAHalf() {
    // 09:00-18:00, a hard-edged box: two harmonics bend it, and the ramp with them, into a step.
    Trace trace = flat(GIB).plus(growth(12 * MIB, 2)).plus(businessHours(200 * MIB));
    double[][] series = points(trace, 42);

    DailySwingFit fit = DailySwingFit.fit(series[0], series[1]);
    double[] level = fit.swing().removeFrom(series[0], series[1]);

    assertEquals(TrendShape.RAMP, fit.shape());
    assertNotEquals(DailyPulse.NONE, fit.swing().pulse());
    assertEquals(13.5 * HOUR_MS, fit.swing().pulse().centreMs(), HOUR_MS);
    // Found by the steps around the grid, whose widths are 5 and 10 h.
    assertEquals(9, fit.swing().pulse().widthHours(), 0.5);
    // The pulse's edges are softer than the box's: it stands a little taller to make up for them.
    assertEquals(200 * MIB, fit.swing().peakBytes() - fit.swing().troughBytes(), 0.15 * 200 * MIB);
    // The slope, not the first and last points: the newest is at 17:45, on the box's edge, where
    // the pulse's softer edge has not yet fallen.
    double slopePerHour = TheilSenSlope.fit(series[0], level).slopePerHour();
    assertEquals(12 * MIB, slopePerHour, 0.05 * 12 * MIB);
  }

  @Test
  void triesAPulseFromADayUntilTheWindowIsFull() {
    // A two-and-a-half-hour batch from 01:00, a shape the pulse follows and the harmonics cannot.
    Trace batch = hours -> hours % 24 >= 1 && hours % 24 < 3.5 ? 300 * MIB : 0;
    Trace trace = flat(GIB).plus(growth(5 * MIB, 0)).plus(batch);
    double[][] dayOld = points(trace, 26);
    double[][] young = points(trace, 42);
    double[][] full = points(trace, 48);

    assertNotEquals(DailyPulse.NONE, DailySwingFit.fit(dayOld[0], dayOld[1]).swing().pulse());
    assertNotEquals(DailyPulse.NONE, DailySwingFit.fit(young[0], young[1]).swing().pulse());
    assertEquals(DailyPulse.NONE, DailySwingFit.fit(full[0], full[1]).swing().pulse());
  }

  @Test
  void fitsNothingToLessThanADay() {
    double[][] series = points(flat(GIB).plus(dailySwing(80 * MIB, 0)), 20);

    assertEquals(DailySwingFit.NONE, DailySwingFit.fit(series[0], series[1]));
  }

  private static double[][] points(Trace trace) {
    return points(trace, 48);
  }

  /** Noise-free points at the middle of each 30 min bucket. */
  private static double[][] points(Trace trace, int hours) {
    int n = hours * 2;
    double[] t = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = (i + 0.5) * BUCKET_MS;
      y[i] = trace.bytesAt(t[i] / HOUR_MS);
    }
    return new double[][] {t, y};
  }
}
