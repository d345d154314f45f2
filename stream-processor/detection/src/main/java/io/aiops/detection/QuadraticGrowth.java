package io.aiops.detection;

/**
 * Least-squares parabola {@code a + rate·t + accel·t²/2} (plus a daily swing) through a stretch of
 * points, with the t-statistic of its acceleration: how a leak whose rate itself grows (a cache
 * keyed by something unbounded, a retry storm feeding itself) is told from a straight one.
 *
 * @param bytesAtEnd the parabola's value at the newest point, swing excluded
 * @param ratePerMsAtEnd slope of the parabola at the newest point, bytes per ms
 * @param accelPerMs2 second derivative, bytes per ms²
 * @param accelT the acceleration over its standard error; 0 when it cannot be estimated
 */
record QuadraticGrowth(
    double bytesAtEnd, double ratePerMsAtEnd, double accelPerMs2, double accelT) {
  static final QuadraticGrowth NONE = new QuadraticGrowth(Double.NaN, 0, 0, 0);

  // Seven parameters need a few more points than that before a t-statistic means anything.
  private static final int MIN_POINTS = 12;

  /** Fits points {@code from} (inclusive) to {@code to} (exclusive); times relative, in ms. */
  static QuadraticGrowth fit(double[] timesMs, double[] values, int from, int to) {
    int n = to - from;
    if (n < MIN_POINTS) {
      return NONE;
    }
    // Hours from the stretch's start keep the normal equations well scaled.
    double originMs = timesMs[from];
    // The daily swing's four harmonics are fitted alongside: over a stretch that is not a whole
    // number of days, a swing left in would bend the parabola (a straight leak under a ±8 % sine
    // came out "accelerating" at t = 8 without them).
    double[][] columns = new double[7][n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double hours = (timesMs[from + i] - originMs) / Line.MS_PER_HOUR;
      columns[0][i] = 1;
      columns[1][i] = hours;
      columns[2][i] = hours * hours / 2;
      double[] harmonics = DailySwing.regressors(timesMs[from + i]);
      for (int h = 0; h < harmonics.length; h++) {
        columns[3 + h][i] = harmonics[h];
      }
      y[i] = values[from + i];
    }
    double[] c = LeastSquares.solve(columns, y);
    if (c == null) {
      return NONE;
    }
    double residualSquares = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i];
      for (int j = 0; j < c.length; j++) {
        r -= c[j] * columns[j][i];
      }
      residualSquares += r * r;
    }
    double sigma2 = residualSquares / (n - columns.length);
    double accelVariance = sigma2 * LeastSquares.inverseDiagonal(columns, 2);
    double accelT = accelVariance > 0 ? c[2] / Math.sqrt(accelVariance) : 0;
    double endHours = columns[1][n - 1];
    double ratePerHour = c[1] + c[2] * endHours;
    double msPerHour = Line.MS_PER_HOUR;
    return new QuadraticGrowth(
        c[0] + c[1] * endHours + c[2] * endHours * endHours / 2,
        ratePerHour / msPerHour,
        c[2] / (msPerHour * msPerHour),
        accelT);
  }

  double ratePerHourAtEnd() {
    return ratePerMsAtEnd * Line.MS_PER_HOUR;
  }

  double accelPerHour2() {
    return accelPerMs2 * Line.MS_PER_HOUR * Line.MS_PER_HOUR;
  }
}
