package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
