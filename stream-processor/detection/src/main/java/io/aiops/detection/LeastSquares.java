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

  /**
   * Repeated fits in which one column changes between solves (a breakpoint search): the products of
   * the other columns are computed once. Each product is the same sum in the same order as in
   * {@link #solve}, so both give the same coefficients to the bit.
   */
  static final class OneColumnVaries {
    private final double[][] columns;
    private final int varying;
    private final double[] values;
    private final double[][] fixed;

    /** {@code columns[varying]} may be rewritten between calls to {@link #solve()}. */
    OneColumnVaries(double[][] columns, int varying, double[] values) {
      this.columns = columns;
      this.varying = varying;
      this.values = values;
      int p = columns.length;
      this.fixed = new double[p][p + 1];
      for (int r = 0; r < p; r++) {
        for (int c = r; c < p; c++) {
          if (r != varying && c != varying) {
            fixed[r][c] = dot(columns[r], columns[c]);
            fixed[c][r] = fixed[r][c];
          }
        }
        if (r != varying) {
          fixed[r][p] = dot(columns[r], values);
        }
      }
    }

    /** As {@link LeastSquares#solve} on the columns as they are now. */
    double[] solve() {
      int p = columns.length;
      double[][] a = new double[p][];
      for (int r = 0; r < p; r++) {
        a[r] = fixed[r].clone();
      }
      double[] products = productsWithVarying();
      for (int r = 0; r < p; r++) {
        a[r][varying] = products[r];
        a[varying][r] = products[r];
      }
      a[varying][p] = products[p];
      return eliminate(a, p);
    }

    /**
     * The varying column's products with every column, then with the values. Six columns (the daily
     * swing fit's) run as independent sums in one pass, so the processor overlaps their additions;
     * each sum still adds its terms in index order, as {@link LeastSquares#dot} does.
     */
    private double[] productsWithVarying() {
      int p = columns.length;
      double[] x = columns[varying];
      double[] products = new double[p + 1];
      if (p != 6) {
        for (int r = 0; r < p; r++) {
          products[r] = dot(columns[r], x);
        }
        products[p] = dot(x, values);
        return products;
      }
      double[] c0 = columns[0];
      double[] c1 = columns[1];
      double[] c2 = columns[2];
      double[] c3 = columns[3];
      double[] c4 = columns[4];
      double[] c5 = columns[5];
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      double s4 = 0;
      double s5 = 0;
      double sv = 0;
      for (int i = 0; i < x.length; i++) {
        double xi = x[i];
        s0 += c0[i] * xi;
        s1 += c1[i] * xi;
        s2 += c2[i] * xi;
        s3 += c3[i] * xi;
        s4 += c4[i] * xi;
        s5 += c5[i] * xi;
        sv += xi * values[i];
      }
      products[0] = s0;
      products[1] = s1;
      products[2] = s2;
      products[3] = s3;
      products[4] = s4;
      products[5] = s5;
      products[6] = sv;
      return products;
    }
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
