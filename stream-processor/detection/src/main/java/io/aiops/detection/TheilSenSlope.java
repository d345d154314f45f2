package io.aiops.detection;

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
    return lineWithSlope(timesMs, values, from, to, medianPairwiseSlope(timesMs, values, from, to));
  }

  /** The line of that slope whose intercept is the median of {@code value - slope * time}. */
  private static Line lineWithSlope(
      double[] timesMs, double[] values, int from, int to, double slope) {
    int count = to - from;
    double[] intercepts = new double[count];
    for (int i = from; i < to; i++) {
      intercepts[i - from] = values[i] - slope * timesMs[i];
    }
    return new Line(slope, Median.ofFirst(intercepts, count));
  }

  /** A fit over all points, with the Theil-Sen slopes of their older and newer halves alone. */
  record WithHalves(Line whole, double olderSlopePerMs, double newerSlopePerMs) {}

  /**
   * Fits all points, and the older half {@code [0, n/2)} and newer half {@code [n/2, n)} alone: the
   * results of three fits, from one set of pairwise slopes, as the halves' pairs are among the
   * whole's. The halves are selected in place first, which leaves the whole's values unchanged.
   */
  static WithHalves fitWithHalves(double[] timesMs, double[] values) {
    checkRange(timesMs, values, 0, timesMs.length);
    int n = timesMs.length;
    int half = n / 2;
    double[] slopes = new double[n * (n - 1) / 2];
    int older = slopesBetween(timesMs, values, 0, half, 0, half, slopes, 0);
    int halves = slopesBetween(timesMs, values, half, n, half, n, slopes, older);
    int pairs = slopesBetween(timesMs, values, 0, half, half, n, slopes, halves);
    double olderSlope = older == 0 ? 0 : Median.ofRange(slopes, 0, older);
    double newerSlope = halves == older ? 0 : Median.ofRange(slopes, older, halves);
    if (n == 0) {
      return new WithHalves(new Line(0, 0), olderSlope, newerSlope);
    }
    double slope = pairs == 0 ? 0 : Median.ofFirst(slopes, pairs);
    return new WithHalves(lineWithSlope(timesMs, values, 0, n, slope), olderSlope, newerSlope);
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
    double varianceS = count * (count - 1.0) * (2.0 * count + 5) / 18;
    double c = z * Math.sqrt(varianceS);
    int lower = (int) Math.floor((pairs - c) / 2);
    int upper = (int) Math.ceil((pairs + c) / 2);
    // Two selections, not a sort: the same order statistics in linear time. The first leaves the
    // slopes above its rank after it, where the second need only look.
    int lowerRank = Math.max(0, Math.min(pairs - 1, lower));
    int upperRank = Math.max(0, Math.min(pairs - 1, upper));
    double lowerSlope = Median.kthSmallest(slopes, 0, pairs, lowerRank);
    double upperSlope;
    if (upperRank > lowerRank) {
      upperSlope = Median.kthSmallest(slopes, lowerRank + 1, pairs, upperRank);
    } else if (upperRank < lowerRank) {
      upperSlope = Median.kthSmallest(slopes, 0, lowerRank, upperRank);
    } else {
      upperSlope = lowerSlope;
    }
    return new double[] {lowerSlope, upperSlope};
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
    return slopesBetween(timesMs, values, from, to, from, to, slopes, 0);
  }

  /**
   * Writes from {@code slopes[at]} the slope of every pair of distinct times i < j, i in {@code
   * [iFrom, iTo)} and j in {@code [jFrom, jTo)}; returns the index after the last one written.
   */
  private static int slopesBetween(
      double[] timesMs,
      double[] values,
      int iFrom,
      int iTo,
      int jFrom,
      int jTo,
      double[] slopes,
      int at) {
    int next = at;
    for (int i = iFrom; i < iTo; i++) {
      for (int j = Math.max(i + 1, jFrom); j < jTo; j++) {
        double dt = timesMs[j] - timesMs[i];
        if (dt != 0) {
          slopes[next++] = (values[j] - values[i]) / dt;
        }
      }
    }
    return next;
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
