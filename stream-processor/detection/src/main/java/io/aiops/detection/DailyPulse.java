package io.aiops.detection;

/**
 * Load that is on for some hours of each day and off for the rest (office hours, a nightly batch):
 * a swing whose edges are sharper than two harmonics can follow. Over a day and a half, harmonics
 * bent to follow such edges take up part of a trend as well, and hide a leak as a step or a
 * warm-up.
 *
 * @param heightBytes how much higher the level is while the pulse is on than while it is off (0 for
 *     none)
 * @param centreMs the middle of the on-hours, on the caller's time axis, modulo a day
 * @param widthHours how long the pulse is on each day
 */
record DailyPulse(double heightBytes, double centreMs, double widthHours) {
  static final DailyPulse NONE = new DailyPulse(0, 0, 0);

  /**
   * Steepness of the edges, per hour from the half-height: a pulse rises from 12 % to 88 % of its
   * height in two hours, about as sharp as half-hour buckets show a switch from quiet to busy.
   */
  private static final double EDGE_PER_HOUR = 2;

  private static final double HOUR_MS = 3_600_000.0;

  /**
   * The pulse's shape, 0 (off) to 1 (on), at {@code timeMs}: what its height scales. A fit takes it
   * as a regressor.
   */
  static double shapeAt(double timeMs, double centreMs, double widthHours) {
    double day = DailySwing.DAY_MS;
    double hoursFromCentre = (((timeMs - centreMs) % day + day) % day) / HOUR_MS;
    double fromCentre = Math.min(hoursFromCentre, 24 - hoursFromCentre);
    return 1 / (1 + Math.exp((fromCentre - widthHours / 2) * EDGE_PER_HOUR));
  }

  /** The pulse's shape at each of {@code timesMs}: the column a fit scales by its height. */
  static double[] shapeColumn(double[] timesMs, double centreMs, double widthHours) {
    double[] column = new double[timesMs.length];
    for (int i = 0; i < timesMs.length; i++) {
      column[i] = shapeAt(timesMs[i], centreMs, widthHours);
    }
    return column;
  }

  /** The pulse's departure from the day's mean at {@code timeMs}, as the harmonics have none. */
  double valueAt(double timeMs) {
    return heightBytes == 0
        ? 0
        : heightBytes * (shapeAt(timeMs, centreMs, widthHours) - meanShape());
  }

  /** The values with the pulse taken out. */
  double[] removeFrom(double[] timesMs, double[] values) {
    double[] level = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      level[i] = values[i] - valueAt(timesMs[i]);
    }
    return level;
  }

  /**
   * The shape's mean over a day, in closed form: the integral of 1 / (1 + e^(k(x - w/2))) over x
   * from 0 to 12 hours from the centre, doubled, over 24 hours.
   */
  private double meanShape() {
    double k = EDGE_PER_HOUR;
    double half = widthHours / 2;
    double integral =
        12 - Math.log1p(Math.exp(k * (12 - half))) / k + Math.log1p(Math.exp(-k * half)) / k;
    return integral / 12;
  }
}
