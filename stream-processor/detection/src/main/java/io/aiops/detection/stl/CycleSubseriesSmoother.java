package io.aiops.detection.stl;

/**
 * Step 2 of STL's inner loop (Cleveland et al. 1990, section 3.2): LOESS-smooths each
 * cycle-subseries (all points of one phase) and extends it by one cycle at both ends, R's {@code
 * stlss}. The output is {@code n + 2 * period} long: one extra cycle before and after the series.
 */
final class CycleSubseriesSmoother {
  private final int periodPoints;
  private final int windowCycles;
  private final Loess loess;

  // Scratch for one subseries, sized for the longest (ceil(n / period) points) plus its two ends.
  private final double[] subseries;
  private final double[] subseriesWeights;
  private final double[] smoothed;
  private final double[] kernel;

  CycleSubseriesSmoother(
      int seriesLength, int periodPoints, int windowCycles, int degree, int jumpCycles) {
    this.periodPoints = periodPoints;
    this.windowCycles = windowCycles;
    this.loess = new Loess(windowCycles, degree, jumpCycles);
    int longest = (seriesLength - 1) / periodPoints + 1;
    this.subseries = new double[longest];
    this.subseriesWeights = new double[longest];
    this.smoothed = new double[longest + 2];
    this.kernel = new double[longest];
  }

  /**
   * Smooths the subseries of {@code y[0, n)}; {@code robustness} is null for none. Writes {@code
   * extended[0, n + 2 * period)}.
   */
  void smooth(double[] y, int n, double[] robustness, double[] extended) {
    for (int phase = 1; phase <= periodPoints; phase++) {
      int k = (n - phase) / periodPoints + 1;
      for (int i = 1; i <= k; i++) {
        subseries[i - 1] = y[(i - 1) * periodPoints + phase - 1];
      }
      double[] weights = null;
      if (robustness != null) {
        for (int i = 1; i <= k; i++) {
          subseriesWeights[i - 1] = robustness[(i - 1) * periodPoints + phase - 1];
        }
        weights = subseriesWeights;
      }
      loess.smooth(subseries, k, weights, smoothed, 1, kernel);
      // One cycle before the first and one after the last: the local fit extrapolated to
      // positions 0 and k + 1, falling back to the nearest smoothed value.
      double before = loess.fitAt(subseries, k, 0, 1, Math.min(windowCycles, k), weights, kernel);
      smoothed[0] = Double.isNaN(before) ? smoothed[1] : before;
      double after =
          loess.fitAt(subseries, k, k + 1, Math.max(1, k - windowCycles + 1), k, weights, kernel);
      smoothed[k + 1] = Double.isNaN(after) ? smoothed[k] : after;
      for (int m = 1; m <= k + 2; m++) {
        extended[(m - 1) * periodPoints + phase - 1] = smoothed[m - 1];
      }
    }
  }
}
