package io.aiops.detection;

/**
 * Mann-Kendall trend test: S counts rising minus falling pairs; z uses the no-ties variance {@code
 * n(n-1)(2n+5)/18} with a continuity correction. Ties only make z a little conservative.
 */
public final class MannKendall {
  private MannKendall() {}

  /** The statistic S, its variance and the standardised z (positive for a rising series). */
  public record Result(long s, double varianceS, double z) {}

  /** Tests values taken in time order. */
  public static Result test(double[] values) {
    int n = values.length;
    long s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        s += (long) Math.signum(values[j] - values[i]);
      }
    }
    double variance = n * (n - 1.0) * (2.0 * n + 5.0) / 18.0;
    return new Result(s, variance, z(s, variance));
  }

  private static double z(long s, double variance) {
    if (s == 0 || variance <= 0) {
      return 0;
    }
    double corrected = s > 0 ? s - 1 : s + 1;
    return corrected / Math.sqrt(variance);
  }
}
