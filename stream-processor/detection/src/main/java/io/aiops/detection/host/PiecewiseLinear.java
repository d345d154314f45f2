package io.aiops.detection.host;

import java.util.Arrays;

/**
 * A non-decreasing function through given knots, flat beyond the first and last; what makes every
 * score and penalty here monotone by construction.
 */
final class PiecewiseLinear {
  private final double[] xs;
  private final double[] ys;

  private PiecewiseLinear(double[] xs, double[] ys) {
    this.xs = xs;
    this.ys = ys;
  }

  /** Knots as x0, y0, x1, y1, ...: x strictly increasing, y non-decreasing. */
  static PiecewiseLinear through(double... knots) {
    if (knots.length < 4 || knots.length % 2 != 0) {
      throw new IllegalArgumentException("need at least two (x, y) knots");
    }
    double[] xs = new double[knots.length / 2];
    double[] ys = new double[knots.length / 2];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = knots[2 * i];
      ys[i] = knots[2 * i + 1];
      if (i > 0 && (xs[i] <= xs[i - 1] || ys[i] < ys[i - 1])) {
        throw new IllegalArgumentException("knots must rise: " + Arrays.toString(knots));
      }
    }
    return new PiecewiseLinear(xs, ys);
  }

  /** The value at {@code x}; NaN (unknown) gives the lowest value, the benefit of the doubt. */
  double at(double x) {
    if (Double.isNaN(x) || x <= xs[0]) {
      return ys[0];
    }
    for (int i = 1; i < xs.length; i++) {
      if (x <= xs[i]) {
        double share = (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
        return ys[i - 1] + share * (ys[i] - ys[i - 1]);
      }
    }
    return ys[ys.length - 1];
  }
}
