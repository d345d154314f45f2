package io.aiops.detection;

import java.time.Duration;
import java.util.OptionalDouble;

/** Time left until a growing trend reaches a memory limit. */
public final class OomEtaEstimator {
  private static final double SECONDS_PER_HOUR = 3600;

  private OomEtaEstimator() {}

  /**
   * Seconds until the trend reaches the limit, empty when not growing or beyond the horizon, or
   * when the limit is unknown ({@code <= 0}); a trend already at or past the limit gives 0. The
   * rate may itself grow by {@code accelBytesPerHour2} each hour: the time {@code x} where {@code
   * rate·x + accel·x²/2} covers the headroom (0 for a straight line). A negative acceleration is
   * taken as none: a leak slowing down is judged by its current rate, not trusted to stop.
   */
  public static OptionalDouble etaSeconds(
      double trendBytes,
      double growthBytesPerHour,
      double accelBytesPerHour2,
      double limitBytes,
      Duration horizon) {
    if (!(growthBytesPerHour > 0) || !(limitBytes > 0) || !Double.isFinite(trendBytes)) {
      return OptionalDouble.empty();
    }
    double headroomBytes = limitBytes - trendBytes;
    if (headroomBytes <= 0) {
      return OptionalDouble.of(0);
    }
    double hours = hoursToCover(headroomBytes, growthBytesPerHour, accelBytesPerHour2);
    double seconds = hours * SECONDS_PER_HOUR;
    double horizonSeconds = horizon.toMillis() / 1000.0;
    return seconds <= horizonSeconds ? OptionalDouble.of(seconds) : OptionalDouble.empty();
  }

  /**
   * The estimate and its range: {@code lowRate}/{@code highRate} bound {@code rate} (the same
   * units); the acceleration, when positive, applies to all three.
   */
  public static OomEta estimate(
      double trendBytes,
      double rateBytesPerHour,
      double lowRateBytesPerHour,
      double highRateBytesPerHour,
      double accelBytesPerHour2,
      double limitBytes,
      Duration horizon) {
    OptionalDouble eta =
        etaSeconds(trendBytes, rateBytesPerHour, accelBytesPerHour2, limitBytes, horizon);
    if (eta.isEmpty() && !(rateBytesPerHour > 0 && limitBytes > 0)) {
      return OomEta.NONE;
    }
    double high = Math.max(highRateBytesPerHour, rateBytesPerHour);
    double low = Math.min(lowRateBytesPerHour, rateBytesPerHour);
    return new OomEta(
        eta,
        etaSeconds(trendBytes, high, accelBytesPerHour2, limitBytes, horizon),
        etaSeconds(trendBytes, low, accelBytesPerHour2, limitBytes, horizon),
        accelBytesPerHour2 > 0);
  }

  private static double hoursToCover(double headroomBytes, double rate, double accel) {
    if (!(accel > 0)) {
      return headroomBytes / rate;
    }
    // The stable root of accel/2·x² + rate·x − headroom = 0.
    return 2 * headroomBytes / (rate + Math.sqrt(rate * rate + 2 * accel * headroomBytes));
  }
}
