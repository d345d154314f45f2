package io.aiops.detection;

/**
 * The daily swing fit as it was computed before {@link TrendShapeErrors}: a full least-squares fit
 * over every point for every candidate shape and bend, keeping the one with the least (penalised)
 * squared error. The same grid, order and penalty as {@link DailySwingFit} (its constants); {@link
 * LeastSquares#solve} gives the same coefficients to the bit as the cached-products solver the
 * product used then. The reference the fast search is checked against.
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
    double[][] columns = new double[6][n];
    double[] days = new double[n];
    double[] centred = new double[n];
    double mean = 0;
    for (double v : values) {
      mean += v / n;
    }
    for (int i = 0; i < n; i++) {
      days[i] = (timesMs[i] - timesMs[0]) / DailySwing.DAY_MS;
      centred[i] = values[i] - mean;
      columns[0][i] = 1;
      double[] harmonics = DailySwing.regressors(timesMs[i]);
      for (int h = 0; h < harmonics.length; h++) {
        columns[2 + h][i] = harmonics[h];
      }
    }
    DailySwingFit best = DailySwingFit.NONE;
    double bestError = Double.POSITIVE_INFINITY;
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
          if (error < bestError) {
            bestError = error;
            double rise = c[1] * (columns[1][n - 1] - columns[1][0]);
            best =
                new DailySwingFit(shape, timesMs[k], rise, new DailySwing(c[2], c[3], c[4], c[5]));
          }
        }
      }
    }
    return new Result(best, best == DailySwingFit.NONE ? Double.NaN : bestError);
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
