package io.aiops.detection;

import java.util.function.DoubleBinaryOperator;

/**
 * A daily load swing as its first two harmonics (24 h and 12 h), which between them follow both a
 * smooth day-night wave and a sharper business-hours peak; or, when the fit found it explains the
 * day better, as a {@link DailyPulse}, for load whose edges are sharper still.
 *
 * @param sinBytes coefficient of {@code sin(2 pi t / 1 day)}
 * @param cosBytes coefficient of {@code cos(2 pi t / 1 day)}
 * @param sin2Bytes coefficient of {@code sin(4 pi t / 1 day)}
 * @param cos2Bytes coefficient of {@code cos(4 pi t / 1 day)}
 * @param pulse on-hours load, {@link DailyPulse#NONE} for none (a fit finds either harmonics or a
 *     pulse; the swing is their sum)
 */
record DailySwing(
    double sinBytes, double cosBytes, double sin2Bytes, double cos2Bytes, DailyPulse pulse) {
  static final double DAY_MS = 86_400_000.0;
  static final DailySwing NONE = new DailySwing(0, 0, 0, 0);

  private static final double RADIANS_PER_MS = 2 * Math.PI / DAY_MS;

  // Five-minute steps find the peak to well under 0.1 % of the swing.
  private static final int PEAK_SEARCH_STEPS = 288;

  // The four regressors at each step of the peak search, computed once: the search runs at least
  // once a verdict, and a table lookup gives the very values valueAt computes there.
  private static final double[][] PEAK_SEARCH_REGRESSORS = new double[PEAK_SEARCH_STEPS][];

  private static final double[] PEAK_SEARCH_TIMES_MS = new double[PEAK_SEARCH_STEPS];

  static {
    for (int step = 0; step < PEAK_SEARCH_STEPS; step++) {
      PEAK_SEARCH_TIMES_MS[step] = step * DAY_MS / PEAK_SEARCH_STEPS;
      PEAK_SEARCH_REGRESSORS[step] = regressors(PEAK_SEARCH_TIMES_MS[step]);
    }
  }

  /** A swing of the two harmonics alone. */
  DailySwing(double sinBytes, double cosBytes, double sin2Bytes, double cos2Bytes) {
    this(sinBytes, cosBytes, sin2Bytes, cos2Bytes, DailyPulse.NONE);
  }

  /** The four regressors at {@code timeMs}, in the order of the record's components. */
  static double[] regressors(double timeMs) {
    double phase = RADIANS_PER_MS * timeMs;
    return new double[] {
      Math.sin(phase), Math.cos(phase), Math.sin(2 * phase), Math.cos(2 * phase)
    };
  }

  /** The swing's departure from the trend at {@code timeMs}. */
  double valueAt(double timeMs) {
    return valueOf(regressors(timeMs)) + pulse.valueAt(timeMs);
  }

  /** How far the daily peak rises above the trend; what an OOM ETA must subtract. */
  double peakBytes() {
    return extremeBytes(Math::max);
  }

  /** How far the daily trough falls below the trend, as a negative number (0 for no swing). */
  double troughBytes() {
    return extremeBytes(Math::min);
  }

  /** The swing's value over the day that {@code pick} keeps, starting from the trend (0). */
  private double extremeBytes(DoubleBinaryOperator pick) {
    double extreme = 0;
    for (int step = 0; step < PEAK_SEARCH_STEPS; step++) {
      double swingBytes =
          valueOf(PEAK_SEARCH_REGRESSORS[step]) + pulse.valueAt(PEAK_SEARCH_TIMES_MS[step]);
      extreme = pick.applyAsDouble(extreme, swingBytes);
    }
    return extreme;
  }

  private double valueOf(double[] regressors) {
    return sinBytes * regressors[0]
        + cosBytes * regressors[1]
        + sin2Bytes * regressors[2]
        + cos2Bytes * regressors[3];
  }

  /** The values with the swing taken out. */
  double[] removeFrom(double[] timesMs, double[] values) {
    double[] level = pulse.removeFrom(timesMs, values);
    for (int i = 0; i < values.length; i++) {
      level[i] -= valueOf(regressors(timesMs[i]));
    }
    return level;
  }
}
