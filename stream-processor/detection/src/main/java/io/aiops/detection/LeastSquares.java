package io.aiops.detection;

/** Least squares for a handful of regressors: normal equations solved by Gaussian elimination. */
final class LeastSquares {
  // Relative pivot size below which the regressors are taken as collinear.
  private static final double SINGULAR = 1e-12;

  private LeastSquares() {}

  /**
   * Coefficients minimising the squared error of {@code values ~ sum(c[j] * columns[j])}, or null
   * when the columns are collinear. Scale the columns to similar magnitudes before calling.
   */
  static double[] solve(double[][] columns, double[] values) {
    int p = columns.length;
    double[][] a = augmentedGram(columns);
    for (int r = 0; r < p; r++) {
      a[r][p] = dot(columns[r], values);
    }
    return eliminate(a, p);
  }

  /**
   * Diagonal element {@code j} of the inverse of the columns' Gram matrix: times the residual
   * variance, the variance of coefficient {@code j}. NaN when the columns are collinear.
   */
  static double inverseDiagonal(double[][] columns, int j) {
    int p = columns.length;
    double[][] a = augmentedGram(columns);
    a[j][p] = 1;
    double[] column = eliminate(a, p);
    return column == null ? Double.NaN : column[j];
  }

  /** The columns' Gram matrix with an empty right-hand column for the caller to fill. */
  private static double[][] augmentedGram(double[][] columns) {
    int p = columns.length;
    double[][] a = new double[p][p + 1];
    for (int r = 0; r < p; r++) {
      for (int c = r; c < p; c++) {
        a[r][c] = dot(columns[r], columns[c]);
        a[c][r] = a[r][c];
      }
    }
    return a;
  }

  private static double[] eliminate(double[][] a, int p) {
    double scale = 0;
    for (int r = 0; r < p; r++) {
      scale = Math.max(scale, Math.abs(a[r][r]));
    }
    for (int col = 0; col < p; col++) {
      int pivot = col;
      for (int r = col + 1; r < p; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      if (Math.abs(a[pivot][col]) <= SINGULAR * scale) {
        return null;
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      for (int r = col + 1; r < p; r++) {
        double factor = a[r][col] / a[col][col];
        for (int c = col; c <= p; c++) {
          a[r][c] -= factor * a[col][c];
        }
      }
    }
    double[] coefficients = new double[p];
    for (int r = p - 1; r >= 0; r--) {
      double sum = a[r][p];
      for (int c = r + 1; c < p; c++) {
        sum -= a[r][c] * coefficients[c];
      }
      coefficients[r] = sum / a[r][r];
    }
    return coefficients;
  }

  private static double dot(double[] x, double[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += x[i] * y[i];
    }
    return sum;
  }
}
