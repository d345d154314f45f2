package io.aiops.detection;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Named times, sizes and synthetic memory traces shared by the detector tests. */
abstract class DetectionFixtures {
  /** A Monday midnight UTC, on a bucket boundary. */
  static final long START_MS = Instant.parse("2024-03-04T00:00:00Z").toEpochMilli();

  static final long SAMPLE_STEP_MS = Duration.ofSeconds(60).toMillis();
  static final long BUCKET_MS = Duration.ofMinutes(30).toMillis();
  static final int CAPACITY = 96;
  static final long HOUR_MS = Duration.ofHours(1).toMillis();
  static final double MIB = 1 << 20;
  static final double GIB = 1 << 30;

  /** Memory in bytes as a function of hours since {@link #START_MS}. */
  @FunctionalInterface
  interface Trace {
    double bytesAt(double hours);

    default Trace plus(Trace other) {
      return hours -> bytesAt(hours) + other.bytesAt(hours);
    }
  }

  static Trace flat(double bytes) {
    return hours -> bytes;
  }

  /** Grows linearly from {@code fromHour} on. */
  static Trace growth(double bytesPerHour, double fromHour) {
    return hours -> bytesPerHour * Math.max(0, hours - fromHour);
  }

  /** A 24 h sine of the given half height; phase 0 starts at the mean, rising. */
  static Trace dailySwing(double amplitudeBytes, double phaseRadians) {
    return hours -> amplitudeBytes * Math.sin(2 * Math.PI * hours / 24 + phaseRadians);
  }

  /** Office hours: {@code extraBytes} more from 09:00 to 18:00, nothing at night. */
  static Trace businessHours(double extraBytes) {
    return hours -> {
      double hourOfDay = hours % 24;
      return hourOfDay >= 9 && hourOfDay < 18 ? extraBytes : 0;
    };
  }

  /** A sharp daily peak of {@code heightBytes} (a nightly batch), flat the rest of the day. */
  static Trace dailyPeak(double heightBytes, double phaseRadians) {
    return hours ->
        heightBytes * Math.pow(Math.max(0, Math.sin(2 * Math.PI * hours / 24 + phaseRadians)), 6);
  }

  /** A garbage-collected heap: ramps up {@code riseBytes} over each period, then drops. */
  static Trace gcSawtooth(double riseBytes, double periodMinutes) {
    return hours -> riseBytes * ((hours * 60 / periodMinutes) % 1.0);
  }

  /** Rises linearly by {@code riseBytes} until {@code plateauHour}, then stays. */
  static Trace warmUp(double riseBytes, double plateauHour) {
    return hours -> riseBytes * Math.min(1, hours / plateauHour);
  }

  static Trace step(double jumpBytes, double atHour) {
    return hours -> hours >= atHour ? jumpBytes : 0;
  }

  /** Jumps by {@code stepBytes} every {@code everyHours}: a leak in pool-sized allocations. */
  static Trace staircase(double stepBytes, double everyHours) {
    return hours -> stepBytes * Math.floor(hours / everyHours);
  }

  /** Samples the trace every 60 s for {@code hours}, with Gaussian noise, into a fresh history. */
  static PointHistory replay(Trace trace, double hours, double noiseBytes, long seed) {
    return replayWithGap(trace, hours, noiseBytes, seed, 0, 0);
  }

  /**
   * As {@link #replay}, but no samples arrive between {@code gapFromHour} and {@code gapToHour}.
   */
  static PointHistory replayWithGap(
      Trace trace,
      double hours,
      double noiseBytes,
      long seed,
      double gapFromHour,
      double gapToHour) {
    Random random = new Random(seed);
    PointHistory history = new PointHistory(BUCKET_MS, CAPACITY);
    long endMs = START_MS + Math.round(hours * HOUR_MS);
    for (long t = START_MS; t < endMs; t += SAMPLE_STEP_MS) {
      double h = (t - START_MS) / (double) HOUR_MS;
      if (h >= gapFromHour && h < gapToHour) {
        continue;
      }
      history.add(t, trace.bytesAt(h) + noiseBytes * random.nextGaussian());
    }
    return history;
  }

  /** A history's closed points as the detector sees them: times from the oldest, and values. */
  static double[][] relativePoints(PointHistory history) {
    int n = history.size();
    double[] timesMs = new double[n];
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      timesMs[i] = history.timestampMsAt(i) - history.timestampMsAt(0);
      values[i] = history.valueAt(i);
    }
    return new double[][] {timesMs, values};
  }

  static LeakVerdict evaluate(PointHistory history) {
    return evaluate(history, 0);
  }

  static LeakVerdict evaluate(PointHistory history, long limitBytes) {
    return new LeakDetector(LeakDetectorSettings.defaults()).evaluate(history, limitBytes);
  }

  static double hoursSinceStart(long timestampMs) {
    return (timestampMs - START_MS) / (double) HOUR_MS;
  }
}
