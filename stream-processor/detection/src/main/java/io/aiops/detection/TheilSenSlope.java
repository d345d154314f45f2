package io.aiops.detection;

import java.util.Arrays;

/**
 * Theil-Sen line: the exact median of all pairwise slopes, robust to up to about 29 % outliers (a
 * GC drop, a stray sample) where least squares would follow them.
 */
public final class TheilSenSlope {
  private TheilSenSlope() {}

  /** Fits all points; times in milliseconds, in any order and spacing. */
  public static Line fit(double[] timesMs, double[] values) {
    return fit(timesMs, values, 0, timesMs.length);
  }

  /**
   * Fits points {@code from} (inclusive) to {@code to} (exclusive). The intercept is the median of
   * {@code value - slope * time}. Fewer than two distinct times give a flat line through the median
   * (or 0 when the range is empty).
   */
  public static Line fit(double[] timesMs, double[] values, int from, int to) {
    checkRange(timesMs, values, from, to);
    int count = to - from;
    if (count == 0) {
      return new Line(0, 0);
    }
    double slope = medianPairwiseSlope(timesMs, values, from, to);
    double[] intercepts = new double[count];
    for (int i = from; i < to; i++) {
      intercepts[i - from] = values[i] - slope * timesMs[i];
    }
    return new Line(slope, Median.ofFirst(intercepts, count));
  }

  /**
   * Sen's (1968) distribution-free confidence bounds of the slope, per ms: the pairwise slopes at
   * the ranks {@code (N ∓ z·sqrt(Var S))/2}, with N pairs and Var S Kendall's variance for {@code
   * n} points without ties. {@code z} = 1.96 for 95 %. Residuals that follow each other (the swing
   * not quite removed) make the true interval wider than this.
   */
  public static double[] slopeBounds(
      double[] timesMs, double[] values, int from, int to, double z) {
    checkRange(timesMs, values, from, to);
    int count = to - from;
    double[] slopes = new double[Math.max(0, count * (count - 1) / 2)];
    int pairs = pairwiseSlopes(timesMs, values, from, to, slopes);
    if (pairs < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    Arrays.sort(slopes, 0, pairs);
    double varianceS = count * (count - 1.0) * (2.0 * count + 5) / 18;
    double c = z * Math.sqrt(varianceS);
    int lower = (int) Math.floor((pairs - c) / 2);
    int upper = (int) Math.ceil((pairs + c) / 2);
    return new double[] {
      slopes[Math.max(0, Math.min(pairs - 1, lower))],
      slopes[Math.max(0, Math.min(pairs - 1, upper))]
    };
  }

  private static double medianPairwiseSlope(double[] timesMs, double[] values, int from, int to) {
    int count = to - from;
    double[] slopes = new double[count * (count - 1) / 2];
    int pairs = pairwiseSlopes(timesMs, values, from, to, slopes);
    return pairs == 0 ? 0 : Median.ofFirst(slopes, pairs);
  }

  /** Fills {@code slopes} with the slope of every pair of distinct times; returns how many. */
  private static int pairwiseSlopes(
      double[] timesMs, double[] values, int from, int to, double[] slopes) {
    int pairs = 0;
    for (int i = from; i < to; i++) {
      for (int j = i + 1; j < to; j++) {
        double dt = timesMs[j] - timesMs[i];
        if (dt != 0) {
          slopes[pairs++] = (values[j] - values[i]) / dt;
        }
      }
    }
    return pairs;
  }

  static void checkRange(double[] timesMs, double[] values, int from, int to) {
    if (timesMs.length != values.length) {
      throw new IllegalArgumentException("times and values differ in length");
    }
    if (from < 0 || to > timesMs.length || from > to) {
      throw new IndexOutOfBoundsException("range [" + from + ", " + to + ")");
    }
  }
}
