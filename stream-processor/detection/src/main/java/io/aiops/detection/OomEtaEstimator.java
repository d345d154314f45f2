package io.aiops.detection;

import java.time.Duration;
import java.util.OptionalDouble;

/** Time left until a growing trend reaches a memory limit. */
public final class OomEtaEstimator {
  private static final double SECONDS_PER_HOUR = 3600;

  private OomEtaEstimator() {}

  /**
   * Seconds until the trend reaches the limit, empty when not growing or beyond the horizon, or
   * when the limit is unknown ({@code <= 0}). A trend already at or past the limit gives 0.
   */
  public static OptionalDouble etaSeconds(
      double trendBytes, double growthBytesPerHour, double limitBytes, Duration horizon) {
    if (!(growthBytesPerHour > 0) || !(limitBytes > 0) || !Double.isFinite(trendBytes)) {
      return OptionalDouble.empty();
    }
    double headroomBytes = limitBytes - trendBytes;
    if (headroomBytes <= 0) {
      return OptionalDouble.of(0);
    }
    double seconds = headroomBytes / growthBytesPerHour * SECONDS_PER_HOUR;
    double horizonSeconds = horizon.toMillis() / 1000.0;
    return seconds <= horizonSeconds ? OptionalDouble.of(seconds) : OptionalDouble.empty();
  }
}
