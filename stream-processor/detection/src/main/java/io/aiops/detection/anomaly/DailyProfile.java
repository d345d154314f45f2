package io.aiops.detection.anomaly;

/**
 * A daily pattern learnt from one day, for the days before online STL is warm: a small
 * Holt-Winters. The profile starts as the first day's values; the next point is expected at the
 * profile one day back plus an offset (the level relative to that day: a {@link RecentLevel} of the
 * day-over-day difference, so a level shift is absorbed within a few points and not echoed a day
 * later). Each phase then moves by half its residual, clipped to a few scales, so a spike is not
 * learnt as pattern. An anomaly on the very first day is part of the profile the second day is
 * compared with. State: a period of numbers and the offset's five.
 */
final class DailyProfile {
  // Weight of a new residual in its phase: a day's noise is averaged over a few days, as the
  // profile lives three days at most before online STL takes over.
  private static final double PROFILE_GAIN = 0.5;
  // The offset moves slowly (a level, not the day's ramps), Holt's usual alpha and beta.
  static final double OFFSET_SMOOTHING = 0.3;
  static final double OFFSET_SLOPE_SMOOTHING = 0.1;

  private final double[] ring;
  private final RecentLevel offset;
  private int size;
  private int next;

  DailyProfile(int periodPoints, int shiftRunPoints) {
    this.ring = new double[periodPoints];
    this.offset = new RecentLevel(OFFSET_SMOOTHING, OFFSET_SLOPE_SMOOTHING, shiftRunPoints);
  }

  /** True once a whole day is known. */
  boolean ready() {
    return size == ring.length;
  }

  /** Records a first-day value as it is (nothing to compare it with yet). */
  void recordFirstDay(double value) {
    push(value);
  }

  /** The next point's expected value: the profile one day back plus the offset's forecast. */
  double forecast() {
    double oneDayBack = ring[next];
    double level = offset.forecast();
    return Double.isNaN(level) ? oneDayBack : oneDayBack + level;
  }

  /**
   * Learns from the next point: the offset from the day-over-day difference, the phase from the
   * residual against {@link #forecast()}; {@code limit} is the outlier bound of both.
   */
  void learn(double value, double limit) {
    double oneDayBack = ring[next];
    double residual = value - forecast();
    offset.update(value - oneDayBack, 0, limit);
    push(oneDayBack + PROFILE_GAIN * Math.max(-limit, Math.min(limit, residual)));
  }

  /** Advances one point without a value (a gap): the profile and the offset are carried. */
  void carry() {
    push(ring[next]);
    offset.carry();
  }

  RecentLevel offset() {
    return offset;
  }

  int capacity() {
    return ring.length;
  }

  /** The profile, oldest first (for serialisation). */
  double[] values() {
    double[] values = new double[size];
    int oldest = size < ring.length ? 0 : next;
    for (int i = 0; i < size; i++) {
      values[i] = ring[(oldest + i) % ring.length];
    }
    return values;
  }

  private void push(double value) {
    ring[next] = value;
    next = (next + 1) % ring.length;
    if (size < ring.length) {
      size++;
    }
  }
}
