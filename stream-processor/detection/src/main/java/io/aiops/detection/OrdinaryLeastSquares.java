package io.aiops.detection;

/** Ordinary least-squares line and its R², reported as evidence of how straight a growth is. */
public final class OrdinaryLeastSquares {
  private OrdinaryLeastSquares() {}

  /** Least-squares line through points {@code from} (inclusive) to {@code to} (exclusive). */
  public static Line fit(double[] timesMs, double[] values, int from, int to) {
    Moments m = Moments.of(timesMs, values, from, to);
    double slope = m.sxx > 0 ? m.sxy / m.sxx : 0;
    return new Line(slope, m.meanValue - slope * m.meanTime);
  }

  /**
   * Share of the variance the line explains, in 0..1; 0 for a constant series or fewer than three
   * points, where a line explains nothing.
   */
  public static double rSquared(double[] timesMs, double[] values, int from, int to) {
    Moments m = Moments.of(timesMs, values, from, to);
    if (to - from < 3 || m.sxx <= 0 || m.syy <= 0) {
      return 0;
    }
    return Math.min(1, m.sxy * m.sxy / (m.sxx * m.syy));
  }

  /** Centred sums; centring first keeps precision with epoch milliseconds and gigabyte values. */
  private record Moments(double meanTime, double meanValue, double sxx, double sxy, double syy) {
    static Moments of(double[] timesMs, double[] values, int from, int to) {
      TheilSenSlope.checkRange(timesMs, values, from, to);
      int count = to - from;
      if (count == 0) {
        return new Moments(0, 0, 0, 0, 0);
      }
      double meanTime = 0;
      double meanValue = 0;
      for (int i = from; i < to; i++) {
        meanTime += timesMs[i];
        meanValue += values[i];
      }
      meanTime /= count;
      meanValue /= count;
      double sxx = 0;
      double sxy = 0;
      double syy = 0;
      for (int i = from; i < to; i++) {
        double dt = timesMs[i] - meanTime;
        double dv = values[i] - meanValue;
        sxx += dt * dt;
        sxy += dt * dv;
        syy += dv * dv;
      }
      return new Moments(meanTime, meanValue, sxx, sxy, syy);
    }
  }
}
