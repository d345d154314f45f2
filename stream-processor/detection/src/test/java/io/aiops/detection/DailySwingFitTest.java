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
