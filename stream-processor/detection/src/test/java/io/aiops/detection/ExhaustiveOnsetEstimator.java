package io.aiops.detection;

/**
 * The onset search as it was computed before {@link OnsetEstimator} kept tail sums: the hinge
 * regression refitted over every point for every breakpoint. The reference the fast search is
 * checked against.
 */
final class ExhaustiveOnsetEstimator {
  private static final int MIN_POINTS_AFTER_BREAKPOINT = OnsetEstimator.MIN_POINTS_AFTER_BREAKPOINT;

  private ExhaustiveOnsetEstimator() {}

  static int onsetIndex(double[] timesMs, double[] values) {
    int n = values.length;
    double meanValue = 0;
    for (double v : values) {
      meanValue += v;
    }
    meanValue = n == 0 ? 0 : meanValue / n;
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

  private static double hingeSquaredError(
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
}
