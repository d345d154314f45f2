package io.aiops.detection;

/**
 * Dates the onset of growth: the breakpoint of the "flat, then linear" hinge fit with the least
 * squared error. A best breakpoint at the first point means the growth began before the history.
 */
public final class OnsetEstimator {
  // A hinge needs at least two points after its breakpoint to have a slope at all.
  private static final int MIN_POINTS_AFTER_BREAKPOINT = 2;

  private OnsetEstimator() {}

  /** Index of the point where growth begins; 0 for fewer than three points. */
  public static int onsetIndex(double[] timesMs, double[] values) {
    TheilSenSlope.checkRange(timesMs, values, 0, timesMs.length);
    int n = values.length;
    double meanValue = mean(values);
    int best = 0;
    double bestError = Double.POSITIVE_INFINITY;
    for (int k = 0; k + MIN_POINTS_AFTER_BREAKPOINT < n; k++) {
      double error = hingeSquaredError(timesMs, values, meanValue, timesMs[k]);
      if (error < bestError) {
        bestError = error;
        best = k;
      }
    }
    return best;
  }

  /**
   * Residual sum of squares of {@code value = a + b * max(0, t - breakpoint)}: a simple regression
   * on the hinge regressor, solved in closed form.
   */
  static double hingeSquaredError(
      double[] timesMs, double[] values, double meanValue, double breakpointMs) {
    int n = values.length;
    double meanHinge = 0;
    for (double t : timesMs) {
      meanHinge += Math.max(0, t - breakpointMs);
    }
    meanHinge /= n;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int i = 0; i < n; i++) {
      double dx = Math.max(0, timesMs[i] - breakpointMs) - meanHinge;
      double dy = values[i] - meanValue;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    return sxx > 0 ? syy - sxy * sxy / sxx : syy;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? 0 : sum / values.length;
  }
}
