package io.aiops.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * The daily swing of a series, fitted jointly with the trend shape (ramp, step or plateau, at the
 * best breakpoint) that leaves the least squared error; removing the swing leaves the trend for the
 * leak tests. A swing sharper than two harmonics can follow (a short nightly batch peak, office
 * hours) leaves a daily residual that may hide a slow leak, reported as a step, but does not invent
 * one; until the window is full, where it hides leaks most, a {@link DailyPulse} in place of the
 * harmonics is tried as well. STL will replace this once histories span several days.
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
   * A daily pulse is tried until the window is full: 96 half-hour points span 47.5 h. In a full
   * window the day-apart pairs pin the harmonics down well enough (878 of 884 leaks found in traces
   * of two days or more, on fifteen seeds, without a pulse), and the stream, whose windows are
   * full, would pay the pulse's 140 searches at every verdict. It is tried from the first day on,
   * where the swing has been seen once and a pulse can sit on a warm-up's knee as well as on a
   * swing's edge: with the warm-up checks of {@link LeakDetector} judging the series with the
   * pulse, from 24 h rather than 30 h found 74 leaks more for 11 false alarms more on fifteen
   * seeds.
   */
  static final double PULSE_UNTIL_MS = 47 * 3_600_000.0;

  /** Pulse widths tried: a two-hour batch, a morning's or an office day's load, a quiet night. */
  private static final double[] PULSE_WIDTHS_HOURS = {2.5, 5, 10, 14, 19};

  /** Pulse centres tried: one on every hour of the day. */
  private static final int PULSE_CENTRES = 24;

  /**
   * Centre and width steps around the best pulse of the grid, tried next (20 pulses): office hours
   * of 9 h (09:00-18:00) fall between the grid's widths, and a 10 h pulse there leaves more error
   * than the harmonics with a step, which then hid a leak under them until 40 h. On fifteen seeds:
   * 33 leaks more, 6 false alarms more (random walks the finer pulse follows).
   */
  private static final double[] PULSE_CENTRE_STEPS_HOURS = {-0.5, 0, 0.5};

  private static final double[] PULSE_WIDTH_STEPS_HOURS = {-2, -1, -0.5, 0, 0.5, 1, 2};

  // Narrower than three half-hour buckets, a pulse is a spike the buckets cannot shape.
  private static final double MIN_PULSE_WIDTH_HOURS = 1.5;

  /** The grid's pulses: every width at every centre, in the order they are tried. */
  static final List<PulsePlacement> PULSE_GRID = pulseGrid();

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
    if (spanMs < PULSE_UNTIL_MS) {
      double penalty = pulsePenalty(n);
      PulseChoice choice = bestPulse(timesMs, centred);
      if (choice != null && choice.shape().error() * penalty < best.error()) {
        ShapeChoice shape = choice.shape();
        best =
            new ShapeChoice(
                shape.shape(), shape.breakpoint(), shape.end(), shape.error() * penalty);
        bestErrors = choice.errors();
        pulse = choice.pulse();
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

  /** A daily pulse, the trend shape fitted with it, and the errors it was chosen from. */
  private record PulseChoice(DailyPulse pulse, ShapeChoice shape, TrendShapeErrors errors) {}

  /**
   * Where a pulse is on in the day and for how long: a candidate before its height is fitted.
   *
   * @param centreMs the middle of the on-hours, modulo a day
   * @param widthHours how long the pulse is on each day
   */
  record PulsePlacement(double centreMs, double widthHours) {}

  private static List<PulsePlacement> pulseGrid() {
    List<PulsePlacement> grid = new ArrayList<>();
    for (double widthHours : PULSE_WIDTHS_HOURS) {
      for (int c = 0; c < PULSE_CENTRES; c++) {
        grid.add(new PulsePlacement(c * DailySwing.DAY_MS / PULSE_CENTRES, widthHours));
      }
    }
    return List.copyOf(grid);
  }

  /**
   * The pulses {@link #PULSE_CENTRE_STEPS_HOURS} by {@link #PULSE_WIDTH_STEPS_HOURS} around {@code
   * pulse}, itself left out, in the order they are tried.
   */
  static List<PulsePlacement> pulsesAround(DailyPulse pulse) {
    List<PulsePlacement> around = new ArrayList<>();
    for (double centreStep : PULSE_CENTRE_STEPS_HOURS) {
      for (double widthStep : PULSE_WIDTH_STEPS_HOURS) {
        double widthHours = pulse.widthHours() + widthStep;
        if ((centreStep != 0 || widthStep != 0) && widthHours >= MIN_PULSE_WIDTH_HOURS) {
          double centreMs =
              (pulse.centreMs() + centreStep * Line.MS_PER_HOUR + DailySwing.DAY_MS)
                  % DailySwing.DAY_MS;
          around.add(new PulsePlacement(centreMs, widthHours));
        }
      }
    }
    return around;
  }

  /**
   * The pulse of {@link #PULSE_GRID}, then of the pulses around the best of it, whose best trend
   * shape leaves the least squared error with a positive height; null when none has one.
   */
  private static PulseChoice bestPulse(double[] timesMs, double[] centred) {
    PulseChoice best = null;
    for (PulsePlacement placement : PULSE_GRID) {
      best = better(best, timesMs, centred, placement);
    }
    if (best == null) {
      return null;
    }
    for (PulsePlacement placement : pulsesAround(best.pulse())) {
      best = better(best, timesMs, centred, placement);
    }
    return best;
  }

  /** {@code best}, or the pulse at {@code placement} when it fits better. */
  private static PulseChoice better(
      PulseChoice best, double[] timesMs, double[] centred, PulsePlacement placement) {
    double[] column = DailyPulse.shapeColumn(timesMs, placement.centreMs(), placement.widthHours());
    TrendShapeErrors errors = TrendShapeErrors.withDailyPulse(timesMs, centred, column);
    ShapeChoice shape = errors == null ? null : bestShape(errors);
    if (shape == null || (best != null && !(shape.error() < best.shape().error()))) {
      return best;
    }
    // Load adds memory while it is on: a pulse that takes memory away is a trend's bend the pulse
    // was bent to follow.
    double[] coefficients = coefficients(shape, errors, centred);
    if (coefficients == null || !(coefficients[PULSE_COEFFICIENT] > 0)) {
      return best;
    }
    DailyPulse pulse =
        new DailyPulse(
            coefficients[PULSE_COEFFICIENT], placement.centreMs(), placement.widthHours());
    return new PulseChoice(pulse, shape, errors);
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
