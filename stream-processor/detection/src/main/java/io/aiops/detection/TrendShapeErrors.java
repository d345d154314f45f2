package io.aiops.detection;

import java.util.Arrays;

/**
 * The squared error that each trend-shape candidate of {@link DailySwingFit} leaves when it is
 * fitted together with an intercept and the daily swing's four harmonics (or a daily pulse's
 * column), in constant time per candidate rather than a least-squares fit over every point.
 *
 * <p>The intercept and the harmonics, or the intercept and a pulse (the fixed columns), are fitted
 * once. A candidate column {@code x} then lowers their squared error by {@code (x·r)² / |x⊥|²},
 * where {@code r} is the values' residual after the fixed fit and {@code x⊥} is {@code x} less its
 * projection on the fixed columns (Frisch-Waugh-Lovell); {@code |x⊥|²} is {@code |x|²} less a
 * quadratic form in the fixed columns' products with {@code x}. Over points in time order, every
 * shape's regressor is zero, a line in time or a constant on consecutive runs of points, so each of
 * its products with a column is a difference of prefix sums.
 */
final class TrendShapeErrors {
  // The intercept and the harmonics.
  private static final int SWING_COLUMNS = 5;

  // Relative pivot size below which columns are taken as collinear, as LeastSquares does.
  private static final double SINGULAR = 1e-12;

  private final int n;
  // The fixed columns' count; the product sums carry one more, the residual's, at this index.
  private final int fixedColumns;
  private final double[] days;
  // Lower-triangular Cholesky factor of the fixed columns' Gram matrix, and its diagonal inverted.
  private final double[][] factor;
  private final double[] inverseDiagonal;
  private final double gramScale;
  private final double fixedError;
  // sums[g][j] and daySums[g][j]: column g (fixed columns, then residual), and days times column g,
  // summed over the points before j. daySquareSums[j]: days squared, likewise.
  private final double[][] sums;
  private final double[][] daySums;
  private final double[] daySquareSums;
  private final double[] projected;
  private final double[][] fixed;
  private final double[] residual;

  private TrendShapeErrors(
      double[] days, double[][] factor, double gramScale, double[][] fixed, double[] residual) {
    this.n = days.length;
    this.fixedColumns = fixed.length;
    this.days = days;
    this.factor = factor;
    this.inverseDiagonal = new double[fixedColumns];
    this.projected = new double[fixedColumns];
    for (int r = 0; r < fixedColumns; r++) {
      inverseDiagonal[r] = 1 / factor[r][r];
    }
    this.gramScale = gramScale;
    this.fixed = fixed;
    this.residual = residual;
    double error = 0;
    for (double r : residual) {
      error += r * r;
    }
    this.fixedError = error;
    this.sums = new double[fixedColumns + 1][n + 1];
    this.daySums = new double[fixedColumns + 1][n + 1];
    this.daySquareSums = new double[n + 1];
    for (int i = 0; i < n; i++) {
      for (int g = 0; g <= fixedColumns; g++) {
        double value = g == fixedColumns ? residual[i] : fixed[g][i];
        sums[g][i + 1] = sums[g][i] + value;
        daySums[g][i + 1] = daySums[g][i] + days[i] * value;
      }
      daySquareSums[i + 1] = daySquareSums[i] + days[i] * days[i];
    }
  }

  /**
   * Prepares the candidates' errors for {@code values} at {@code timesMs} (strictly increasing),
   * with the intercept and the daily swing's four harmonics as the fixed columns; null when those
   * columns are collinear, where no candidate can be fitted.
   */
  static TrendShapeErrors withDailySwing(double[] timesMs, double[] values) {
    return onTimes(timesMs, values, swingColumns(timesMs));
  }

  /**
   * Prepares the candidates' errors with the intercept and a daily pulse's column ({@code
   * pulseShape}, one value per point) as the fixed columns, in place of the harmonics.
   */
  static TrendShapeErrors withDailyPulse(double[] timesMs, double[] values, double[] pulseShape) {
    double[][] fixed = {new double[timesMs.length], pulseShape};
    Arrays.fill(fixed[0], 1);
    return onTimes(timesMs, values, fixed);
  }

  /** The intercept and the four harmonics, one value per point. */
  private static double[][] swingColumns(double[] timesMs) {
    int n = timesMs.length;
    double[][] fixed = new double[SWING_COLUMNS][n];
    for (int i = 0; i < n; i++) {
      fixed[0][i] = 1;
      double[] harmonics = DailySwing.regressors(timesMs[i]);
      for (int h = 0; h < harmonics.length; h++) {
        fixed[1 + h][i] = harmonics[h];
      }
    }
    return fixed;
  }

  /** {@link #of} with the days counted from {@code timesMs}' first. */
  private static TrendShapeErrors onTimes(double[] timesMs, double[] values, double[][] fixed) {
    int n = values.length;
    double[] days = new double[n];
    for (int i = 0; i < n; i++) {
      days[i] = (timesMs[i] - timesMs[0]) / DailySwing.DAY_MS;
    }
    return of(days, fixed, values);
  }

  /**
   * Prepares the candidates' errors for {@code values} at {@code days} (strictly increasing, the
   * first 0) with the fixed columns {@code fixed} (the intercept, then the four harmonics or a
   * pulse's column); null when those columns are collinear, where no candidate can be fitted.
   */
  private static TrendShapeErrors of(double[] days, double[][] fixed, double[] values) {
    int n = days.length;
    int p = fixed.length;
    if (days[0] != 0) {
      throw new IllegalArgumentException("days must start at 0");
    }
    for (int i = 1; i < n; i++) {
      if (!(days[i] > days[i - 1])) {
        throw new IllegalArgumentException("days must increase strictly");
      }
    }
    double[][] gram = new double[p][p];
    double[] products = new double[p];
    double scale = 0;
    for (int r = 0; r < p; r++) {
      for (int c = 0; c <= r; c++) {
        gram[r][c] = dot(fixed[r], fixed[c]);
      }
      products[r] = dot(fixed[r], values);
      scale = Math.max(scale, gram[r][r]);
    }
    double[][] factor = cholesky(gram, scale);
    if (factor == null) {
      return null;
    }
    double[] coefficients = backSubstitute(factor, forwardSubstitute(factor, products));
    double[] residual = new double[n];
    for (int i = 0; i < n; i++) {
      double r = values[i];
      for (int j = 0; j < p; j++) {
        r -= coefficients[j] * fixed[j][i];
      }
      residual[i] = r;
    }
    return new TrendShapeErrors(days, factor, scale, fixed, residual);
  }

  /** Each point's time in days from the first: the axis the shapes' breakpoints are on. */
  double[] days() {
    return days;
  }

  /**
   * The fixed columns, one value per point: the intercept, then the four harmonics or the pulse's
   * column.
   */
  double[][] fixedColumns() {
    return fixed;
  }

  /**
   * The squared error with {@code shape} bending at point {@code k} (and, for a shape with an end
   * bend, at point {@code end}); NaN when its column is collinear with the fixed ones.
   */
  double squaredError(TrendShape shape, int k, int end) {
    return switch (shape) {
      // max(0, t - t_k): zero before point k, a line from it.
      case RAMP -> clampedLineError(k, n - 1);
      case STEP -> stepError(k);
      // min(t, t_k) = a line from point 0 (where t = 0) held flat after point k.
      case PLATEAU -> clampedLineError(0, k);
      case RISE_THEN_PLATEAU -> clampedLineError(k, end);
    };
  }

  /**
   * The squared error with any candidate {@code column} (one value per point) in place of a
   * shape's, computed over every point; NaN when it is collinear with the fixed columns, infinite
   * when its fitted coefficient is not positive (the column would fall, not rise).
   */
  double risingColumnError(double[] column) {
    double residualProduct = 0;
    double norm = 0;
    for (int g = 0; g < fixedColumns; g++) {
      projected[g] = 0;
    }
    for (int i = 0; i < n; i++) {
      double x = column[i];
      if (x == 0) {
        continue;
      }
      for (int g = 0; g < fixedColumns; g++) {
        projected[g] += x * fixed[g][i];
      }
      residualProduct += x * residual[i];
      norm += x * x;
    }
    // The residual is orthogonal to the fixed columns, so x·r is x⊥·r: its sign is the
    // coefficient's.
    if (!(residualProduct > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    return errorWith(residualProduct, norm);
  }

  /** The column {@code min(max(0, t - t_lo), t_hi - t_lo)}: zero, a line from lo, flat after hi. */
  private double clampedLineError(int lo, int hi) {
    double start = days[lo];
    double height = days[hi] - start;
    int from = lo;
    int to = hi + 1;
    for (int g = 0; g < fixedColumns; g++) {
      projected[g] = lineProduct(g, from, to, start, height);
    }
    double residualProduct = lineProduct(fixedColumns, from, to, start, height);
    double norm =
        daySquareSums[to]
            - daySquareSums[from]
            - 2 * start * (daySums[0][to] - daySums[0][from])
            + start * start * (to - from)
            + height * height * (n - to);
    return errorWith(residualProduct, norm);
  }

  private double lineProduct(int g, int from, int to, double start, double height) {
    double[] s = sums[g];
    double[] ds = daySums[g];
    return ds[to] - ds[from] - start * (s[to] - s[from]) + height * (s[n] - s[to]);
  }

  /** The column that is 0 before point k and 1 from it on. */
  private double stepError(int k) {
    for (int g = 0; g < fixedColumns; g++) {
      projected[g] = sums[g][n] - sums[g][k];
    }
    return errorWith(sums[fixedColumns][n] - sums[fixedColumns][k], n - k);
  }

  /**
   * The fixed fit's error less what the candidate column explains, given the column's products with
   * the fixed columns (in {@link #projected}), with the residual and with itself.
   */
  private double errorWith(double residualProduct, double norm) {
    // |x⊥|² = |x|² - |L⁻¹ F'x|², with L the Cholesky factor of F'F.
    double explained = 0;
    for (int r = 0; r < fixedColumns; r++) {
      double z = projected[r];
      double[] row = factor[r];
      for (int c = 0; c < r; c++) {
        z -= row[c] * projected[c];
      }
      z *= inverseDiagonal[r];
      projected[r] = z;
      explained += z * z;
    }
    double orthogonalNorm = norm - explained;
    if (!(orthogonalNorm > SINGULAR * Math.max(gramScale, norm))) {
      return Double.NaN;
    }
    return Math.max(0, fixedError - residualProduct * residualProduct / orthogonalNorm);
  }

  /** Lower-triangular L with {@code L L' = gram} (lower triangle given); null when singular. */
  private static double[][] cholesky(double[][] gram, double scale) {
    int p = gram.length;
    double[][] l = new double[p][p];
    for (int r = 0; r < p; r++) {
      for (int c = 0; c <= r; c++) {
        double sum = gram[r][c];
        for (int k = 0; k < c; k++) {
          sum -= l[r][k] * l[c][k];
        }
        if (r == c) {
          if (!(sum > SINGULAR * scale)) {
            return null;
          }
          l[r][r] = Math.sqrt(sum);
        } else {
          l[r][c] = sum / l[c][c];
        }
      }
    }
    return l;
  }

  private static double[] forwardSubstitute(double[][] l, double[] b) {
    int p = b.length;
    double[] z = new double[p];
    for (int r = 0; r < p; r++) {
      double sum = b[r];
      for (int c = 0; c < r; c++) {
        sum -= l[r][c] * z[c];
      }
      z[r] = sum / l[r][r];
    }
    return z;
  }

  private static double[] backSubstitute(double[][] l, double[] z) {
    int p = z.length;
    double[] x = new double[p];
    for (int r = p - 1; r >= 0; r--) {
      double sum = z[r];
      for (int c = r + 1; c < p; c++) {
        sum -= l[c][r] * x[c];
      }
      x[r] = sum / l[r][r];
    }
    return x;
  }

  private static double dot(double[] x, double[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += x[i] * y[i];
    }
    return sum;
  }
}
