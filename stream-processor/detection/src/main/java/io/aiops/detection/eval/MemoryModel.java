package io.aiops.detection.eval;

/**
 * The noise-free memory of one generated process as a function of time: base level, daily swing and
 * trend. Ground truth comes from here: the growth rate since onset and the time the model first
 * reaches the limit.
 *
 * @param baseBytes level before any growth
 * @param swing daily load pattern, zero-mean-ish shape scaled by {@code swingFraction}
 * @param swingFraction swing amplitude as a share of the base
 * @param swingPhaseHours hour of day of the swing's peak
 * @param trend growth on top of the base (0 for no growth)
 */
public record MemoryModel(
    double baseBytes, SwingShape swing, double swingFraction, double swingPhaseHours, Trend trend) {

  /** The deterministic part of the trend: none, a warm-up, a step, or a leak of some shape. */
  public sealed interface Trend {
    double bytesAt(double hours);
  }

  public record NoTrend() implements Trend {
    @Override
    public double bytesAt(double hours) {
      return 0;
    }
  }

  /** Saturating rise {@code rise·(1−e^(−(t−start)/tau))}: caches filling, JIT, pools. */
  public record WarmUp(double startHours, double tauHours, double riseBytes) implements Trend {
    @Override
    public double bytesAt(double hours) {
      return hours <= startHours ? 0 : riseBytes * (1 - Math.exp(-(hours - startHours) / tauHours));
    }
  }

  /** One jump, as a deploy or a cache resize makes. */
  public record Step(double atHours, double jumpBytes) implements Trend {
    @Override
    public double bytesAt(double hours) {
      return hours < atHours ? 0 : jumpBytes;
    }
  }

  /**
   * Growth from {@code onsetHours}: {@code rate·d + accel·d²/2} with d the time since onset, in
   * steps of {@code stairHours} when that is positive (a staircase that averages to the same line).
   */
  public record Leak(
      double onsetHours, double bytesPerHour, double accelBytesPerHour2, double stairHours)
      implements Trend {
    @Override
    public double bytesAt(double hours) {
      double since = hours - onsetHours;
      if (since <= 0) {
        return 0;
      }
      if (stairHours > 0) {
        since = Math.floor(since / stairHours) * stairHours;
      }
      return bytesPerHour * since + accelBytesPerHour2 * since * since / 2;
    }
  }

  /** The daily pattern's shape, peaking at 1 at its phase. */
  public enum SwingShape {
    NONE,
    SINE,
    OFFICE_HOURS,
    NIGHTLY_BATCH;

    double at(double hoursFromPeak) {
      double h = Math.floorMod((long) Math.floor(hoursFromPeak * 3600), 86_400L) / 3600.0;
      double fromPeak = Math.min(h, 24 - h);
      return switch (this) {
        case NONE -> 0;
        case SINE -> Math.cos(2 * Math.PI * h / 24);
        // A smooth ten-hour plateau: office traffic.
        case OFFICE_HOURS -> 1 / (1 + Math.exp((fromPeak - 5) * 2)) * 2 - 1;
        // A two-hour bump: the nightly batch.
        case NIGHTLY_BATCH -> Math.exp(-fromPeak * fromPeak / 2) * 2 - 1;
      };
    }
  }

  public double bytesAt(double hours) {
    return baseBytes
        + swingFraction * baseBytes * swing.at(hours - swingPhaseHours)
        + trend.bytesAt(hours);
  }

  /** Highest value of the daily swing above the base. */
  public double swingPeakBytes() {
    return swing == SwingShape.NONE ? 0 : swingFraction * baseBytes;
  }
}
