package io.aiops.detection.stl;

/**
 * Step 3 of STL's inner loop (Cleveland et al. 1990, section 3.2): the low-pass of the extended
 * cycle-subseries, moving averages of lengths period, period and 3 ({@code stlfts}, {@code stlma})
 * followed by LOESS with the low-pass window. The three averages shorten the {@code n + 2 * period}
 * input to exactly {@code n} points, which is why the subseries were extended.
 */
final class LowPassFilter {
  private final int periodPoints;
  private final Loess loess;
  private final double[] firstAverage;
  private final double[] secondAverage;
  private final double[] kernel;

  LowPassFilter(int seriesLength, int periodPoints, int windowPoints, int degree, int jumpPoints) {
    this.periodPoints = periodPoints;
    this.loess = new Loess(windowPoints, degree, jumpPoints);
    this.firstAverage = new double[seriesLength + periodPoints + 1];
    this.secondAverage = new double[seriesLength + 2];
    this.kernel = new double[seriesLength];
  }

  /** Low-pass of {@code extended[0, n + 2 * period)} into {@code out[0, n)}. */
  void filter(double[] extended, int n, double[] out) {
    int extendedLength = n + 2 * periodPoints;
    movingAverage(extended, extendedLength, periodPoints, firstAverage);
    movingAverage(firstAverage, extendedLength - periodPoints + 1, periodPoints, secondAverage);
    double[] threeAverage = out;
    movingAverage(secondAverage, extendedLength - 2 * periodPoints + 2, 3, threeAverage);
    // LOESS reads the averages while writing its output, so it needs its own input copy.
    System.arraycopy(threeAverage, 0, firstAverage, 0, n);
    loess.smooth(firstAverage, n, null, out, 0, kernel);
  }

  /**
   * Running mean of {@code length} consecutive points, {@code n - length + 1} values ({@code
   * stlma}); the running sum is updated as R does, so rounding matches.
   */
  private static void movingAverage(double[] x, int n, int length, double[] average) {
    double divisor = length;
    double sum = 0;
    for (int i = 0; i < length; i++) {
      sum += x[i];
    }
    average[0] = sum / divisor;
    for (int j = 1; j < n - length + 1; j++) {
      sum = sum - x[j - 1] + x[j + length - 1];
      average[j] = sum / divisor;
    }
  }
}
