package io.aiops.detection;

/**
 * Exact medians of primitive arrays (the mean of the two middle values for an even count), by
 * quickselect: linear time, which matters for the thousands of pairwise slopes of Theil-Sen.
 */
final class Median {
  private Median() {}

  /** Median of all values; the array is left untouched. */
  static double of(double[] values) {
    return ofFirst(values.clone(), values.length);
  }

  /**
   * The median absolute deviation from {@code center}, scaled to estimate a normal distribution's
   * standard deviation; the array is left untouched.
   */
  static double robustSpread(double[] values, double center) {
    double[] deviations = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      deviations[i] = Math.abs(values[i] - center);
    }
    return RobustScale.MAD_TO_SD * ofFirst(deviations, deviations.length);
  }

  /** Median of the first {@code count} entries, which this call reorders. */
  static double ofFirst(double[] scratch, int count) {
    return ofRange(scratch, 0, count);
  }

  /**
   * Median of the entries {@code from} (inclusive) to {@code to} (exclusive), which it reorders.
   */
  static double ofRange(double[] scratch, int from, int to) {
    int count = to - from;
    if (count <= 0) {
      throw new IllegalArgumentException("median of nothing");
    }
    int upper = from + count / 2;
    double high = select(scratch, from, to, upper);
    if (count % 2 == 1) {
      return high;
    }
    // Selection leaves every entry below index `upper` at most `high`; the largest is the other
    // middle value.
    double low = scratch[from];
    for (int i = from + 1; i < upper; i++) {
      low = Math.max(low, scratch[i]);
    }
    return (low + high) / 2;
  }

  /**
   * The entry that would be at index {@code k} were {@code scratch[from, to)} sorted. The call
   * reorders that range, leaving the entries before k at most that value and those after it at
   * least.
   */
  static double kthSmallest(double[] scratch, int from, int to, int k) {
    return select(scratch, from, to, k);
  }

  /** Hoare's quickselect, as {@link #kthSmallest}. */
  private static double select(double[] a, int from, int to, int k) {
    int left = from;
    int right = to - 1;
    while (left < right) {
      double pivot = a[(left + right) >>> 1];
      int i = left;
      int j = right;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double swap = a[i];
          a[i++] = a[j];
          a[j--] = swap;
        }
      }
      if (k <= j) {
        right = j;
      } else if (k >= i) {
        left = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }
}
