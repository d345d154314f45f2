package io.aiops.detection.stl;

/**
 * STL's inner loop (Cleveland et al. 1990, section 3.2; R's {@code stlstp}), with its working
 * arrays allocated once per series.
 */
final class InnerLoop {
  private final int iterations;
  private final int periodPoints;
  private final CycleSubseriesSmoother subseries;
  private final LowPassFilter lowPass;
  private final Loess trendLoess;
  private final double[] work;
  private final double[] extended;
  private final double[] low;
  private final double[] kernel;

  InnerLoop(StlSettings settings, int n) {
    this.iterations = settings.innerIterations();
    this.periodPoints = settings.periodPoints();
    this.subseries =
        new CycleSubseriesSmoother(
            n,
            periodPoints,
            settings.seasonalWindowCyclesFor(n),
            settings.seasonalDegree(),
            settings.seasonalJumpCyclesFor(n));
    this.lowPass =
        new LowPassFilter(
            n,
            periodPoints,
            settings.lowPassWindowPoints(),
            settings.lowPassDegree(),
            settings.lowPassJumpPoints());
    this.trendLoess =
        new Loess(settings.trendWindowPoints(), settings.trendDegree(), settings.trendJumpPoints());
    this.work = new double[n];
    this.extended = new double[n + 2 * periodPoints];
    this.low = new double[n];
    this.kernel = new double[n];
  }

  /**
   * Refines {@code seasonal} and {@code trend} in place from the current trend; {@code robustness}
   * is null before the first robustness pass. The low-pass is never weighted, as in R.
   */
  void run(double[] y, double[] robustness, double[] seasonal, double[] trend) {
    int n = y.length;
    for (int iteration = 0; iteration < iterations; iteration++) {
      for (int i = 0; i < n; i++) {
        work[i] = y[i] - trend[i];
      }
      subseries.smooth(work, n, robustness, extended);
      lowPass.filter(extended, n, low);
      // Removing the low-pass keeps the trend out of the seasonal (section 3.2, step 4).
      for (int i = 0; i < n; i++) {
        seasonal[i] = extended[periodPoints + i] - low[i];
      }
      for (int i = 0; i < n; i++) {
        work[i] = y[i] - seasonal[i];
      }
      trendLoess.smooth(work, n, robustness, trend, 0, kernel);
    }
  }
}
