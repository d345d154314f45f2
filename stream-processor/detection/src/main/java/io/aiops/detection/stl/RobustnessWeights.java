package io.aiops.detection.stl;

import java.util.Arrays;

/**
 * STL's outer-loop robustness weights (Cleveland et al. 1990, section 3.3; R's {@code stlrwt}):
 * Tukey's bisquare of {@code |r| / (6 * median |r|)}, where r is the series minus trend plus
 * seasonal.
 *
 * <p>The median is exact. R's {@code psort} call occasionally returns a slightly wrong middle order
 * statistic, so robust results match statsmodels' port (exact median) rather than R.
 */
final class RobustnessWeights {
  // Single-precision literals in stl.f, compared as doubles there.
  private static final double NEAR_EDGE = 0.999f;
  private static final double NEAR_CENTRE = 0.001f;

  private RobustnessWeights() {}

  /** Fills {@code weights[0, n)} from the residuals of {@code fit}. */
  static void compute(double[] y, double[] fit, int n, double[] weights) {
    double[] absolute = new double[n];
    for (int i = 0; i < n; i++) {
      absolute[i] = Math.abs(y[i] - fit[i]);
    }
    Arrays.sort(absolute);
    int upper = n / 2 + 1;
    int lower = n - upper + 1;
    // 3 * (sum of the two middle values) = 6 * median, as stl.f writes it.
    double sixMedians = 3.0 * (absolute[upper - 1] + absolute[lower - 1]);
    double c9 = NEAR_EDGE * sixMedians;
    double c1 = NEAR_CENTRE * sixMedians;
    for (int i = 0; i < n; i++) {
      double r = Math.abs(y[i] - fit[i]);
      if (r <= c1) {
        weights[i] = 1;
      } else if (r <= c9) {
        double u = r / sixMedians;
        double t = 1 - u * u;
        weights[i] = t * t;
      } else {
        weights[i] = 0;
      }
    }
  }
}
