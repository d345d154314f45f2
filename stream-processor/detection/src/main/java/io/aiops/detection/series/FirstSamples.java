package io.aiops.detection.series;

import java.time.Duration;
import java.util.Arrays;

/**
 * The first samples of a series, held until their typical interval is known: the anomaly scorer's
 * bucket follows it, and every sample must be scored with the same bucket, the first ones included.
 * The interval is the median of the first {@link #INTERVALS} positive intervals, or of those seen
 * when the input ends or {@link #CAPACITY} samples are held (a series of repeated timestamps).
 */
final class FirstSamples {
  static final int INTERVALS = 64;
  static final int CAPACITY = 2 * INTERVALS;
  private static final Duration UNKNOWN_INTERVAL = Duration.ofMinutes(5);

  private final long[] timestampsMs;
  private final double[] values;
  private int count;
  private int positiveIntervals;

  FirstSamples() {
    this(new long[CAPACITY], new double[CAPACITY], 0);
  }

  private FirstSamples(long[] timestampsMs, double[] values, int count) {
    this.timestampsMs = timestampsMs;
    this.values = values;
    this.count = count;
    for (int i = 1; i < count; i++) {
      if (timestampsMs[i] > timestampsMs[i - 1]) {
        positiveIntervals++;
      }
    }
  }

  /** Restores held samples (oldest first); throws IllegalArgumentException when too many. */
  static FirstSamples of(long[] timestampsMs, double[] values) {
    if (timestampsMs.length != values.length || timestampsMs.length > CAPACITY) {
      throw new IllegalArgumentException("at most " + CAPACITY + " first samples are held");
    }
    FirstSamples samples =
        new FirstSamples(
            Arrays.copyOf(timestampsMs, CAPACITY),
            Arrays.copyOf(values, CAPACITY),
            timestampsMs.length);
    if (samples.complete()) {
      throw new IllegalArgumentException("first samples already tell the interval");
    }
    return samples;
  }

  /** Holds a sample; returns true when the interval is now known. */
  boolean add(long timestampMs, double value) {
    if (count > 0 && timestampMs > timestampsMs[count - 1]) {
      positiveIntervals++;
    }
    timestampsMs[count] = timestampMs;
    values[count] = value;
    count++;
    return complete();
  }

  boolean complete() {
    return positiveIntervals >= INTERVALS || count == CAPACITY;
  }

  int size() {
    return count;
  }

  long timestampMsAt(int i) {
    return timestampsMs[i];
  }

  double valueAt(int i) {
    return values[i];
  }

  /** Median of the first positive intervals; 5 minutes when there are none. */
  Duration typicalInterval() {
    long[] intervals = new long[INTERVALS];
    int n = 0;
    for (int i = 1; i < count && n < INTERVALS; i++) {
      long interval = timestampsMs[i] - timestampsMs[i - 1];
      if (interval > 0) {
        intervals[n++] = interval;
      }
    }
    if (n == 0) {
      return UNKNOWN_INTERVAL;
    }
    Arrays.sort(intervals, 0, n);
    return Duration.ofMillis(intervals[(n - 1) / 2]);
  }
}
