package io.aiops.detection;

/**
 * The daily swing of a series, fitted jointly with the trend shape (ramp, step or plateau, at the
 * best breakpoint) that leaves the least squared error; removing the swing leaves the trend for the
 * leak tests. A swing sharper than two harmonics can follow (a short nightly batch peak) leaves a
 * daily residual that may hide a slow leak, reported as a step, but does not invent one. STL will
 * replace this once histories span several days.
 *
 * @param shape the trend shape fitted alongside the swing
 * @param breakpointMs where that shape bends, on the caller's time axis
 * @param riseBytes how much the shape rises across the whole window (negative when it falls)
 * @param swing the daily swing
 */
record DailySwingFit(TrendShape shape, double breakpointMs, double riseBytes, DailySwing swing) {
  static final DailySwingFit NONE = new DailySwingFit(TrendShape.RAMP, 0, 0, DailySwing.NONE);

  /**
   * Little more than one day of history, where the 24 h and 12 h harmonics can bend a warm-up's
   * curve into a nearly straight line: the day-apart pairs that would pin the swing down cover a
   * few hours at most.
   */
  static final double SHORT_HISTORY_MS = 30 * 3_600_000.0;

  // Intercept, shape and four harmonics need a few points more than parameters.
  static final int MIN_POINTS = 12;

  // A two-bend shape's rise needs a few points between its bends to be a slope, not a step.
  static final int MIN_POINTS_PER_BEND = 4;

  // Candidate bends per axis for two-bend shapes: a 48 h window at 30 min gives one every 2 h.
  static final int TWO_BEND_GRID = 24;

  /** Fits the swing; {@link #NONE} for less than a day, where swing and trend look alike. */
  static DailySwingFit fit(double[] timesMs, double[] values) {
    int n = values.length;
    if (n < MIN_POINTS || timesMs[n - 1] - timesMs[0] < DailySwing.DAY_MS) {
      return NONE;
    }
    // Days and centred values keep the normal equations well scaled.
    double[] centred = new double[n];
    double mean = 0;
    for (double v : values) {
      mean += v / n;
    }
    for (int i = 0; i < n; i++) {
      centred[i] = values[i] - mean;
    }
    TrendShapeErrors errors = TrendShapeErrors.withDailySwing(timesMs, centred);
    if (errors == null) {
      return NONE;
    }
    double[] days = errors.days();
    TrendShape bestShape = null;
    int bestBreakpoint = 0;
    int bestEnd = 0;
    double bestError = Double.POSITIVE_INFINITY;
    // Two-bend shapes try every stride-th pair of bends: their cost stays that of a one-bend
    // search over the full window (about n^2 / 2 stride^2 pairs against 3n single bends).
    int stride = Math.max(1, n / TWO_BEND_GRID);
    for (TrendShape shape : TrendShape.values()) {
      int step = shape.hasEndBend() ? stride : 1;
      double penalty = complexityPenalty(shape, n);
      for (int k = shape.firstBreakpoint(); k <= shape.lastBreakpoint(n); k += step) {
        int firstEnd = shape.hasEndBend() ? k + MIN_POINTS_PER_BEND : n - 1;
        for (int e = firstEnd; e <= n - 1; e += step) {
          double error = errors.squaredError(shape, k, e) * penalty;
          if (error < bestError) {
            bestError = error;
            bestShape = shape;
            bestBreakpoint = k;
            bestEnd = e;
          }
        }
      }
    }
    if (bestShape == null) {
      return NONE;
    }
    // The winner's coefficients by a full least-squares fit, as every candidate's once were.
    // Columns: intercept, trend shape, then the swing's four harmonics.
    double[] shapeColumn = new double[n];
    for (int i = 0; i < n; i++) {
      shapeColumn[i] = bestShape.regressor(days[i], days[bestBreakpoint], days[bestEnd]);
    }
    double[][] fixed = errors.fixedColumns();
    double[][] columns = {fixed[0], shapeColumn, fixed[1], fixed[2], fixed[3], fixed[4]};
    double[] c = LeastSquares.solve(columns, centred);
    if (c == null) {
      return NONE;
    }
    double rise = c[1] * (columns[1][n - 1] - columns[1][0]);
    return new DailySwingFit(
        bestShape, timesMs[bestBreakpoint], rise, new DailySwing(c[2], c[3], c[4], c[5]));
  }

  /**
   * A second bend is one parameter more: by the Bayesian information criterion it must cut the
   * squared error by a factor exp(-ln(n)/n) before it explains the window better than one bend.
   */
  static double complexityPenalty(TrendShape shape, int n) {
    return shape.hasEndBend() ? Math.exp(Math.log(n) / n) : 1;
  }
}
