package io.aiops.detection.anomaly;

/**
 * The exact median and median absolute deviation of the last {@code capacity} values. A ring keeps
 * arrival order, a sorted copy answers the median in O(1) and the MAD in O(n/2); an update moves
 * only the entries between the dropped and the new value's places. State: 2 x capacity doubles.
 */
final class SlidingWindowMad {
  private final double[] ring;
  private final double[] sorted;
  private int size;
  private int next;

  SlidingWindowMad(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.ring = new double[capacity];
    this.sorted = new double[capacity];
  }

  void add(double value) {
    if (size < ring.length) {
      int at = lowerBound(value);
      System.arraycopy(sorted, at, sorted, at + 1, size - at);
      sorted[at] = value;
      size++;
    } else {
      replace(ring[next], value);
    }
    ring[next] = value;
    next = (next + 1) % ring.length;
  }

  int size() {
    return size;
  }

  int capacity() {
    return ring.length;
  }

  void clear() {
    size = 0;
    next = 0;
  }

  double median() {
    if (size == 0) {
      return Double.NaN;
    }
    return (sorted[(size - 1) / 2] + sorted[size / 2]) / 2;
  }

  /** Median of |value - median|, walking outward from the median over the sorted values. */
  double mad() {
    if (size == 0) {
      return Double.NaN;
    }
    double centre = median();
    int right = lowerBound(centre);
    int left = right - 1;
    double lower = 0;
    for (int k = 0; k <= size / 2; k++) {
      double deviation;
      if (left < 0 || (right < size && sorted[right] - centre <= centre - sorted[left])) {
        deviation = sorted[right++] - centre;
      } else {
        deviation = centre - sorted[left--];
      }
      if (k == (size - 1) / 2) {
        lower = deviation;
      }
      if (k == size / 2) {
        return (lower + deviation) / 2;
      }
    }
    throw new AssertionError("unreachable");
  }

  /** The values, oldest first (for serialisation). */
  double[] values() {
    double[] values = new double[size];
    int oldest = size < ring.length ? 0 : next;
    for (int i = 0; i < size; i++) {
      values[i] = ring[(oldest + i) % ring.length];
    }
    return values;
  }

  /** Removes {@code old} from the sorted values and inserts {@code value}, in one move. */
  private void replace(double old, double value) {
    // The first entry not below old is equal to it (== semantics, so -0.0 and 0.0 are one).
    int from = lowerBound(old);
    int to = lowerBound(value);
    if (to > from) {
      System.arraycopy(sorted, from + 1, sorted, from, to - 1 - from);
      sorted[to - 1] = value;
    } else {
      System.arraycopy(sorted, to, sorted, to + 1, from - to);
      sorted[to] = value;
    }
  }

  private int lowerBound(double value) {
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
