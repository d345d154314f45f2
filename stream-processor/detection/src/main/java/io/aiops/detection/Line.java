package io.aiops.detection;

/**
 * A straight line over time: {@code valueAt(t) = intercept + slopePerMs * t}, t in milliseconds.
 */
public record Line(double slopePerMs, double intercept) {
  static final double MS_PER_HOUR = 3_600_000.0;

  public double valueAt(double timeMs) {
    return intercept + slopePerMs * timeMs;
  }

  public double slopePerHour() {
    return slopePerMs * MS_PER_HOUR;
  }
}
