package io.aiops.detection.stl;

/**
 * Batch STL (Cleveland, Cleveland, McRae and Terpenning 1990), the algorithm of R's {@code stl.f}:
 * an outer robustness loop ({@code stl}) around the inner loop ({@code stlstp}) of cycle-subseries
 * smoothing, low-pass filtering, detrending and trend smoothing. Agrees with R's {@code stats::stl}
 * to about 1e-12 relative without robustness, and with statsmodels' exact-median port with it.
 *
 * <p>Series of two periods or less (R refuses them) get a robust trend only: LOESS with the trend
 * window and degree, then {@value #SHORT_SERIES_ROBUSTNESS_PASSES} bisquare robustness passes (the
 * LOWESS recipe, Cleveland 1979), with an all-zero seasonal and {@link StlResult.Kind#TREND_ONLY}.
 * Costs O(n * (n_s + n_t + n_l)) time per inner pass without jumps, O(n + period) memory.
 */
public final class StlDecomposition {
  static final int SHORT_SERIES_ROBUSTNESS_PASSES = 3;

  private final StlSettings settings;

  public StlDecomposition(StlSettings settings) {
    this.settings = settings;
  }

  /** Decomposes the series, oldest point first; every value must be finite. */
  public StlResult decompose(double[] series) {
    if (series.length == 0) {
      throw new IllegalArgumentException("cannot decompose an empty series");
    }
    for (double value : series) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("series has a non-finite value: " + value);
      }
    }
    if (series.length < settings.minimumSeriesLength()) {
      return trendOnly(series);
    }
    return seasonalTrend(series);
  }

  public StlSettings settings() {
    return settings;
  }

  private StlResult seasonalTrend(double[] y) {
    int n = y.length;
    int period = settings.periodPoints();
    InnerLoop inner = new InnerLoop(settings, n);
    double[] seasonal = new double[n];
    double[] trend = new double[n];
    double[] robustness = null;
    // R runs the inner loop once unweighted, then once more after each of `outer` reweightings.
    for (int pass = 0; ; pass++) {
      inner.run(y, robustness, seasonal, trend);
      if (pass == settings.outerIterations()) {
        break;
      }
      double[] fit = new double[n];
      for (int i = 0; i < n; i++) {
        fit[i] = trend[i] + seasonal[i];
      }
      robustness = robustness == null ? new double[n] : robustness;
      RobustnessWeights.compute(y, fit, n, robustness);
    }
    if (settings.periodic()) {
      averageEachPhase(seasonal, period);
    }
    double[] remainder = new double[n];
    for (int i = 0; i < n; i++) {
      remainder[i] = y[i] - seasonal[i] - trend[i];
    }
    return new StlResult(seasonal, trend, remainder, StlResult.Kind.SEASONAL_TREND);
  }

  /**
   * R's periodic post-processing: each point's seasonal becomes the mean over its phase, so the
   * seasonal repeats exactly. Two-pass mean, as R's {@code mean} does.
   */
  private static void averageEachPhase(double[] seasonal, int period) {
    int n = seasonal.length;
    for (int phase = 0; phase < period; phase++) {
      int count = 0;
      double sum = 0;
      for (int i = phase; i < n; i += period) {
        sum += seasonal[i];
        count++;
      }
      double mean = sum / count;
      double correction = 0;
      for (int i = phase; i < n; i += period) {
        correction += seasonal[i] - mean;
      }
      mean += correction / count;
      for (int i = phase; i < n; i += period) {
        seasonal[i] = mean;
      }
    }
  }

  private StlResult trendOnly(double[] y) {
    int n = y.length;
    Loess loess =
        new Loess(settings.trendWindowPoints(), settings.trendDegree(), settings.trendJumpPoints());
    double[] trend = new double[n];
    double[] kernel = new double[n];
    loess.smooth(y, n, null, trend, 0, kernel);
    double[] robustness = new double[n];
    for (int pass = 0; pass < SHORT_SERIES_ROBUSTNESS_PASSES; pass++) {
      RobustnessWeights.compute(y, trend, n, robustness);
      loess.smooth(y, n, robustness, trend, 0, kernel);
    }
    double[] remainder = new double[n];
    for (int i = 0; i < n; i++) {
      remainder[i] = y[i] - trend[i];
    }
    return new StlResult(new double[n], trend, remainder, StlResult.Kind.TREND_ONLY);
  }
}
