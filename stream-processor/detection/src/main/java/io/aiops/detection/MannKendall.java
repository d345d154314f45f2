package io.aiops.detection;

/**
 * Mann-Kendall trend test: S counts rising minus falling pairs; z uses the no-ties variance {@code
 * n(n-1)(2n+5)/18} with a continuity correction. Ties only make z a little conservative.
 */
public final class MannKendall {
  private MannKendall() {}

  /** The statistic S, its variance and the standardised z (positive for a rising series). */
  public record Result(long s, double varianceS, double z) {}

  /** Tests values taken in time order. */
  public static Result test(double[] values) {
    int n = values.length;
    long s = risingMinusFallingPairs(values);
    double variance = n * (n - 1.0) * (2.0 * n + 5.0) / 18.0;
    return new Result(s, variance, z(s, variance));
  }

  /**
   * S without visiting every pair: a merge sort of the values in time order, where each later
   * value, as it is merged past the earlier half, counts the earlier values below and above it.
   * Equal values are ties (0), and a NaN compares with nothing, as its sign of difference is none.
   */
  private static long risingMinusFallingPairs(double[] values) {
    double[] sorted = new double[values.length];
    int count = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sorted[count++] = v;
      }
    }
    return sortCounting(sorted, new double[count], 0, count);
  }

  /** Sorts {@code a[from, to)} ascending; returns S over the pairs within it. */
  private static long sortCounting(double[] a, double[] scratch, int from, int to) {
    if (to - from < 2) {
      return 0;
    }
    int middle = (from + to) >>> 1;
    long s = sortCounting(a, scratch, from, middle) + sortCounting(a, scratch, middle, to);
    // Each later value r: earlier values below it rise to it, those above it fall to it.
    int below = from;
    int notAbove = from;
    for (int j = middle; j < to; j++) {
      double r = a[j];
      while (below < middle && a[below] < r) {
        below++;
      }
      while (notAbove < middle && a[notAbove] <= r) {
        notAbove++;
      }
      s += (below - from) - (middle - notAbove);
    }
    int left = from;
    int right = middle;
    int out = from;
    while (left < middle && right < to) {
      scratch[out++] = a[left] <= a[right] ? a[left++] : a[right++];
    }
    while (left < middle) {
      scratch[out++] = a[left++];
    }
    while (right < to) {
      scratch[out++] = a[right++];
    }
    System.arraycopy(scratch, from, a, from, to - from);
    return s;
  }

  private static double z(long s, double variance) {
    if (s == 0 || variance <= 0) {
      return 0;
    }
    double corrected = s > 0 ? s - 1 : s + 1;
    return corrected / Math.sqrt(variance);
  }
}
