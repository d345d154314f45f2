package io.aiops.detection;

/**
 * The daily swing of a series, one 24 h harmonic fitted jointly with the trend shape (ramp, step or
 * plateau, at the best breakpoint) that leaves the least squared error; removing it leaves the
 * trend for the leak tests. STL will replace this once histories span several days.
 *
 * @param shape the trend shape fitted alongside the swing
 * @param breakpointMs where that shape bends, on the caller's time axis
 * @param riseBytes how much the shape rises across the whole window (negative when it falls)
 * @param sinBytes coefficient of {@code sin(2 pi t / 1 day)}
 * @param cosBytes coefficient of {@code cos(2 pi t / 1 day)}
 */
record DailySwingFit(
    TrendShape shape, double breakpointMs, double riseBytes, double sinBytes, double cosBytes) {
  static final double DAY_MS = 86_400_000.0;
  static final DailySwingFit NONE = new DailySwingFit(TrendShape.RAMP, 0, 0, 0, 0);

  private static final double RADIANS_PER_MS = 2 * Math.PI / DAY_MS;
  private static final int MIN_POINTS = 8;

  /** Fits the swing; {@link #NONE} for less than a day, where swing and trend look alike. */
  static DailySwingFit fit(double[] timesMs, double[] values) {
    int n = values.length;
    if (n < MIN_POINTS || timesMs[n - 1] - timesMs[0] < DAY_MS) {
      return NONE;
    }
    // Days and centred values keep the normal equations well scaled.
    double[] days = new double[n];
    double[] ones = new double[n];
    double[] sin = new double[n];
    double[] cos = new double[n];
    double[] centred = new double[n];
    double mean = 0;
    for (double v : values) {
      mean += v / n;
    }
    for (int i = 0; i < n; i++) {
      days[i] = (timesMs[i] - timesMs[0]) / DAY_MS;
      ones[i] = 1;
      sin[i] = Math.sin(RADIANS_PER_MS * timesMs[i]);
      cos[i] = Math.cos(RADIANS_PER_MS * timesMs[i]);
      centred[i] = values[i] - mean;
    }
    DailySwingFit best = NONE;
    double bestError = Double.POSITIVE_INFINITY;
    double[] trend = new double[n];
    for (TrendShape shape : TrendShape.values()) {
      for (int k = shape.firstBreakpoint(); k <= shape.lastBreakpoint(n); k++) {
        for (int i = 0; i < n; i++) {
          trend[i] = shape.regressor(days[i], days[k]);
        }
        double[] c = LeastSquares.solve(new double[][] {ones, trend, sin, cos}, centred);
        if (c == null) {
          continue;
        }
        double error = 0;
        for (int i = 0; i < n; i++) {
          double residual = centred[i] - c[0] - c[1] * trend[i] - c[2] * sin[i] - c[3] * cos[i];
          error += residual * residual;
        }
        if (error < bestError) {
          bestError = error;
          double rise = c[1] * (trend[n - 1] - trend[0]);
          best = new DailySwingFit(shape, timesMs[k], rise, c[2], c[3]);
        }
      }
    }
    return best;
  }

  /** Half the peak-to-trough height of the swing. */
  double amplitudeBytes() {
    return Math.hypot(sinBytes, cosBytes);
  }

  /** The values with the swing taken out, on the same time axis as the fit. */
  double[] removeFrom(double[] timesMs, double[] values) {
    double[] level = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double phase = RADIANS_PER_MS * timesMs[i];
      level[i] = values[i] - sinBytes * Math.sin(phase) - cosBytes * Math.cos(phase);
    }
    return level;
  }
}
