package io.aiops.detection;

/**
 * The daily swing fit as it was computed before {@link TrendShapeErrors}: a full least-squares fit
 * over every point for every candidate shape and bend, keeping the one with the least (penalised)
 * squared error, and so for every daily pulse the product tries. The same grid, order and penalties
 * as {@link DailySwingFit} (its constants); {@link LeastSquares#solve} gives the same coefficients
 * to the bit as the cached-products solver the product used then. The reference the fast search is
 * checked against.
 */
final class ExhaustiveDailySwingFit {
  private static final int MIN_POINTS = DailySwingFit.MIN_POINTS;
  private static final int MIN_POINTS_PER_BEND = DailySwingFit.MIN_POINTS_PER_BEND;
  private static final int TWO_BEND_GRID = DailySwingFit.TWO_BEND_GRID;

  private ExhaustiveDailySwingFit() {}

  /** The fit and the penalised squared error it was chosen for (NaN for {@code NONE}). */
  record Result(DailySwingFit fit, double penalisedError) {}

  static DailySwingFit fit(double[] timesMs, double[] values) {
    return search(timesMs, values).fit();
  }

  static Result search(double[] timesMs, double[] values) {
    int n = values.length;
    if (n < MIN_POINTS || timesMs[n - 1] - timesMs[0] < DailySwing.DAY_MS) {
      return new Result(DailySwingFit.NONE, Double.NaN);
    }
    double[] days = new double[n];
    double[] centred = new double[n];
    double mean = 0;
    for (double v : values) {
      mean += v / n;
    }
    for (int i = 0; i < n; i++) {
      days[i] = (timesMs[i] - timesMs[0]) / DailySwing.DAY_MS;
      centred[i] = values[i] - mean;
    }
    Candidate best = bestShape(timesMs, days, centred, null);
    DailyPulse pulse = DailyPulse.NONE;
    double spanMs = timesMs[n - 1] - timesMs[0];
    if (best != null && spanMs < DailySwingFit.PULSE_UNTIL_MS) {
      PulseCandidate bestPulse = null;
      for (DailySwingFit.PulsePlacement placement : DailySwingFit.PULSE_GRID) {
        bestPulse = better(bestPulse, timesMs, days, centred, placement);
      }
      if (bestPulse != null) {
        for (DailySwingFit.PulsePlacement placement :
            DailySwingFit.pulsesAround(bestPulse.pulse())) {
          bestPulse = better(bestPulse, timesMs, days, centred, placement);
        }
      }
      double penalty = DailySwingFit.pulsePenalty(n);
      if (bestPulse != null && bestPulse.candidate().error() * penalty < best.error()) {
        best = bestPulse.candidate().penalised(penalty);
        pulse = bestPulse.pulse();
      }
    }
    if (best == null) {
      return new Result(DailySwingFit.NONE, Double.NaN);
    }
    double[] c = best.coefficients();
    DailySwing swing =
        pulse.equals(DailyPulse.NONE)
            ? new DailySwing(c[2], c[3], c[4], c[5])
            : new DailySwing(0, 0, 0, 0, pulse);
    DailySwingFit fit =
        new DailySwingFit(best.shape(), timesMs[best.breakpoint()], best.riseBytes(), swing);
    return new Result(fit, best.error());
  }

  /** A pulse with a positive height and the best shape and bends fitted with it. */
  private record PulseCandidate(DailyPulse pulse, Candidate candidate) {}

  /** {@code best}, or the pulse at {@code placement} when it fits better. */
  private static PulseCandidate better(
      PulseCandidate best,
      double[] timesMs,
      double[] days,
      double[] centred,
      DailySwingFit.PulsePlacement placement) {
    double[] shape = DailyPulse.shapeColumn(timesMs, placement.centreMs(), placement.widthHours());
    Candidate candidate = bestShape(timesMs, days, centred, shape);
    if (candidate == null
        || !(candidate.coefficients()[2] > 0)
        || (best != null && !(candidate.error() < best.candidate().error()))) {
      return best;
    }
    return new PulseCandidate(
        new DailyPulse(candidate.coefficients()[2], placement.centreMs(), placement.widthHours()),
        candidate);
  }

  /** A shape and bends, the coefficients of its full fit and its (penalised) squared error. */
  private record Candidate(
      TrendShape shape, int breakpoint, double riseBytes, double[] coefficients, double error) {
    Candidate penalised(double penalty) {
      return new Candidate(shape, breakpoint, riseBytes, coefficients, error * penalty);
    }
  }

  /**
   * The best shape and bends by a full fit per candidate, with the intercept and the four
   * harmonics, or, unless null, the intercept and the pulse's column {@code pulseShape}.
   */
  private static Candidate bestShape(
      double[] timesMs, double[] days, double[] centred, double[] pulseShape) {
    int n = centred.length;
    double[][] columns = new double[pulseShape == null ? 6 : 3][n];
    for (int i = 0; i < n; i++) {
      columns[0][i] = 1;
      if (pulseShape == null) {
        double[] harmonics = DailySwing.regressors(timesMs[i]);
        for (int h = 0; h < harmonics.length; h++) {
          columns[2 + h][i] = harmonics[h];
        }
      } else {
        columns[2][i] = pulseShape[i];
      }
    }
    Candidate best = null;
    int stride = Math.max(1, n / TWO_BEND_GRID);
    for (TrendShape shape : TrendShape.values()) {
      int step = shape.hasEndBend() ? stride : 1;
      for (int k = shape.firstBreakpoint(); k <= shape.lastBreakpoint(n); k += step) {
        int firstEnd = shape.hasEndBend() ? k + MIN_POINTS_PER_BEND : n - 1;
        for (int e = firstEnd; e <= n - 1; e += step) {
          for (int i = 0; i < n; i++) {
            columns[1][i] = shape.regressor(days[i], days[k], days[e]);
          }
          double[] c = LeastSquares.solve(columns, centred);
          if (c == null) {
            continue;
          }
          double error =
              squaredError(columns, c, centred) * DailySwingFit.complexityPenalty(shape, n);
          if (best == null || error < best.error()) {
            double rise = c[1] * (columns[1][n - 1] - columns[1][0]);
            best = new Candidate(shape, k, rise, c, error);
          }
        }
      }
    }
    return best;
  }

  private static double squaredError(double[][] columns, double[] c, double[] values) {
    double error = 0;
    for (int i = 0; i < values.length; i++) {
      double residual = values[i];
      for (int j = 0; j < c.length; j++) {
        residual -= c[j] * columns[j][i];
      }
      error += residual * residual;
    }
    return error;
  }
}
