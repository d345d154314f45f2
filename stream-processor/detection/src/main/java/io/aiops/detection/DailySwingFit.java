package io.aiops.detection;

/**
 * The daily swing of a series, fitted jointly with the trend shape (ramp, step or plateau, at the
 * best breakpoint) that leaves the least squared error; removing the swing leaves the trend for the
 * leak tests. A swing sharper than two harmonics can follow (a short nightly batch peak, office
 * hours) leaves a daily residual that may hide a slow leak, reported as a step, but does not invent
 * one; from 30 h until the window is full, where it hides leaks most, a {@link DailyPulse} in place
 * of the harmonics is tried as well. STL will replace this once histories span several days.
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

  /**
   * A daily pulse is tried from {@link #SHORT_HISTORY_MS} (before, with the swing seen once, a
   * pulse bends a warm-up's curve into a line as the harmonics do) until the window is full: 96
   * half-hour points span 47.5 h. In a full window the day-apart pairs pin the harmonics down well
   * enough (878 of 884 leaks found in traces of two days or more, on fifteen seeds, without a
   * pulse), and the stream, whose windows are full, would pay the pulse's 120 searches at every
   * verdict.
   */
  static final double PULSE_UNTIL_MS = 47 * 3_600_000.0;

  /** Pulse widths tried: a two-hour batch, a morning's or an office day's load, a quiet night. */
  static final double[] PULSE_WIDTHS_HOURS = {2.5, 5, 10, 14, 19};

  /** Pulse centres tried: one on every hour of the day. */
  static final int PULSE_CENTRES = 24;

  // Index of the pulse's coefficient: after the intercept and the shape.
  private static final int PULSE_COEFFICIENT = 2;

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
    ShapeChoice best = bestShape(errors);
    if (best == null) {
      return NONE;
    }
    TrendShapeErrors bestErrors = errors;
    DailyPulse pulse = DailyPulse.NONE;
    double spanMs = timesMs[n - 1] - timesMs[0];
    if (spanMs >= SHORT_HISTORY_MS && spanMs < PULSE_UNTIL_MS) {
      double penalty = pulsePenalty(n);
      for (double widthHours : PULSE_WIDTHS_HOURS) {
        for (int c = 0; c < PULSE_CENTRES; c++) {
          double centreMs = c * DailySwing.DAY_MS / PULSE_CENTRES;
          double[] shape = new double[n];
          for (int i = 0; i < n; i++) {
            shape[i] = DailyPulse.shapeAt(timesMs[i], centreMs, widthHours);
          }
          TrendShapeErrors withPulse = TrendShapeErrors.withDailyPulse(timesMs, centred, shape);
          ShapeChoice choice = withPulse == null ? null : bestShape(withPulse);
          if (choice == null || !(choice.error() * penalty < best.error())) {
            continue;
          }
          // Load adds memory while it is on: a pulse that takes memory away is a trend's bend
          // the pulse was bent to follow.
          double[] coefficients = coefficients(choice, withPulse, centred);
          if (coefficients != null && coefficients[PULSE_COEFFICIENT] > 0) {
            best =
                new ShapeChoice(
                    choice.shape(), choice.breakpoint(), choice.end(), choice.error() * penalty);
            bestErrors = withPulse;
            pulse = new DailyPulse(coefficients[PULSE_COEFFICIENT], centreMs, widthHours);
          }
        }
      }
    }
    double[] c = coefficients(best, bestErrors, centred);
    if (c == null) {
      return NONE;
    }
    double[] shapeColumn = shapeColumn(best, bestErrors.days());
    double rise = c[1] * (shapeColumn[n - 1] - shapeColumn[0]);
    DailySwing swing =
        pulse.equals(DailyPulse.NONE)
            ? new DailySwing(c[2], c[3], c[4], c[5])
            : new DailySwing(0, 0, 0, 0, pulse);
    return new DailySwingFit(best.shape(), timesMs[best.breakpoint()], rise, swing);
  }

  /** The chosen shape's regressor at each point, on the days axis of {@link TrendShapeErrors}. */
  private static double[] shapeColumn(ShapeChoice choice, double[] days) {
    double[] column = new double[days.length];
    for (int i = 0; i < days.length; i++) {
      column[i] = choice.shape().regressor(days[i], days[choice.breakpoint()], days[choice.end()]);
    }
    return column;
  }

  /** A trend shape and the points it bends at, with the (penalised) squared error it leaves. */
  private record ShapeChoice(TrendShape shape, int breakpoint, int end, double error) {}

  /** The shape and bends that leave the least penalised squared error; null when none fits. */
  private static ShapeChoice bestShape(TrendShapeErrors errors) {
    int n = errors.days().length;
    ShapeChoice best = null;
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
          if (best == null ? error < Double.POSITIVE_INFINITY : error < best.error()) {
            best = new ShapeChoice(shape, k, e, error);
          }
        }
      }
    }
    return best;
  }

  /**
   * The coefficients of a full least-squares fit, as every candidate's once were: intercept, trend
   * shape, then the swing's four harmonics or its pulse, as {@code errors} has them.
   */
  private static double[] coefficients(
      ShapeChoice choice, TrendShapeErrors errors, double[] centred) {
    double[][] fixed = errors.fixedColumns();
    double[][] columns = new double[fixed.length + 1][];
    columns[0] = fixed[0];
    columns[1] = shapeColumn(choice, errors.days());
    System.arraycopy(fixed, 1, columns, 2, fixed.length - 1);
    return LeastSquares.solve(columns, centred);
  }

  /**
   * A second bend is one parameter more: by the Bayesian information criterion it must cut the
   * squared error by a factor exp(-ln(n)/n) before it explains the window better than one bend.
   */
  static double complexityPenalty(TrendShape shape, int n) {
    return shape.hasEndBend() ? Math.exp(Math.log(n) / n) : 1;
  }

  /**
   * A pulse in place of the harmonics must cut the squared error by a factor exp(-3 ln(n)/n), as
   * three parameters more would by the same criterion: its centre and width are searched, and with
   * its height they can bend to a trend's knee as the harmonics can.
   */
  static double pulsePenalty(int n) {
    return Math.exp(3 * Math.log(n) / n);
  }
}
