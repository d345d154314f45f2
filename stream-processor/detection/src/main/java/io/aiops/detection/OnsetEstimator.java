package io.aiops.detection;

/**
 * Dates the onset of growth: the breakpoint of the "flat, then linear" hinge fit with the least
 * squared error. A best breakpoint at the first point means the growth began before the history.
 */
public final class OnsetEstimator {
  // A hinge needs at least two points after its breakpoint to have a slope at all.
  static final int MIN_POINTS_AFTER_BREAKPOINT = 2;

  private OnsetEstimator() {}

  /**
   * Index of the point where growth begins; 0 for fewer than three points. Times in time order
   * (equal times allowed).
   */
  public static int onsetIndex(double[] timesMs, double[] values) {
    TheilSenSlope.checkRange(timesMs, values, 0, timesMs.length);
    int n = values.length;
    for (int i = 1; i < n; i++) {
      if (!(timesMs[i] >= timesMs[i - 1])) {
        throw new IllegalArgumentException("times must be in time order");
      }
    }
    // The hinge max(0, t - t_k) is t - t_k from point k on and 0 before it, so its sums over the
    // points are sums over the tail from k: kept from the end, of times measured from the newest
    // point, which keeps a short tail's sums exact to its own size.
    double meanValue = mean(values);
    double[] tailTime = new double[n + 1];
    double[] tailTimeSquared = new double[n + 1];
    double[] tailTimeValue = new double[n + 1];
    double[] tailValue = new double[n + 1];
    double valueSquares = 0;
    for (int i = n - 1; i >= 0; i--) {
      double u = timesMs[i] - timesMs[n - 1];
      double dy = values[i] - meanValue;
      tailTime[i] = tailTime[i + 1] + u;
      tailTimeSquared[i] = tailTimeSquared[i + 1] + u * u;
      tailTimeValue[i] = tailTimeValue[i + 1] + u * dy;
      tailValue[i] = tailValue[i + 1] + dy;
      valueSquares += dy * dy;
    }
    int best = 0;
    double bestError = Double.POSITIVE_INFINITY;
    for (int k = 0; k + MIN_POINTS_AFTER_BREAKPOINT < n; k++) {
      // Residual sum of squares of value = a + b * hinge: a simple regression in closed form.
      double start = timesMs[k] - timesMs[n - 1];
      int count = n - k;
      double hingeSum = tailTime[k] - count * start;
      double hingeSquares = tailTimeSquared[k] - 2 * start * tailTime[k] + count * start * start;
      double meanHinge = hingeSum / n;
      double sxx = hingeSquares - hingeSum * meanHinge;
      double sxy = tailTimeValue[k] - start * tailValue[k] - meanHinge * tailValue[0];
      double error = sxx > 0 ? valueSquares - sxy * sxy / sxx : valueSquares;
      if (error < bestError) {
        bestError = error;
        best = k;
      }
    }
    return best;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? 0 : sum / values.length;
  }
}
