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

  /** Median of the first {@code count} entries, which this call reorders. */
  static double ofFirst(double[] scratch, int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("median of nothing");
    }
    int upper = count / 2;
    double high = select(scratch, count, upper);
    if (count % 2 == 1) {
      return high;
    }
    // Selection leaves every entry below index `upper` at most `high`; the largest is the other
    // middle value.
    double low = scratch[0];
    for (int i = 1; i < upper; i++) {
      low = Math.max(low, scratch[i]);
    }
    return (low + high) / 2;
  }

  /** The k-th smallest (0-based) of the first {@code count} entries (Hoare's quickselect). */
  private static double select(double[] a, int count, int k) {
    int left = 0;
    int right = count - 1;
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
