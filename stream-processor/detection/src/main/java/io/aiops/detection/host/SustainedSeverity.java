package io.aiops.detection.host;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a detector's condition has held at warning and at critical level: the whole state of a
 * "sustained for N minutes" rule, a value the callers can store per host and hand back.
 *
 * @param warning the run at warning level or above
 * @param critical the run at critical level
 */
public record SustainedSeverity(Streak warning, Streak critical) {
  public static final SustainedSeverity NONE = new SustainedSeverity(Streak.NONE, Streak.NONE);

  public SustainedSeverity {
    Objects.requireNonNull(warning, "warning");
    Objects.requireNonNull(critical, "critical");
  }

  /** After a rate interval whose level was {@code level} (empty: below warning). */
  public SustainedSeverity afterInterval(long fromMs, long toMs, Optional<Severity> level) {
    return new SustainedSeverity(
        warning.afterInterval(fromMs, toMs, reaches(level, Severity.WARNING)),
        critical.afterInterval(fromMs, toMs, reaches(level, Severity.CRITICAL)));
  }

  /** After a gauge reading whose level was {@code level} (empty: below warning). */
  public SustainedSeverity afterPoint(long atMs, Optional<Severity> level, long maxGapMs) {
    return new SustainedSeverity(
        warning.afterPoint(atMs, reaches(level, Severity.WARNING), maxGapMs),
        critical.afterPoint(atMs, reaches(level, Severity.CRITICAL), maxGapMs));
  }

  /** The highest level held for at least {@code minimum}, if any. */
  public Optional<Severity> heldFor(Duration minimum) {
    long minimumMs = minimum.toMillis();
    if (critical.running() && critical.durationMs() >= minimumMs) {
      return Optional.of(Severity.CRITICAL);
    }
    if (warning.running() && warning.durationMs() >= minimumMs) {
      return Optional.of(Severity.WARNING);
    }
    return Optional.empty();
  }

  /** How long the reported level has held, for the evidence. */
  public long heldMs(Severity severity) {
    return severity == Severity.CRITICAL ? critical.durationMs() : warning.durationMs();
  }

  private static boolean reaches(Optional<Severity> level, Severity threshold) {
    return level.map(l -> l.atLeast(threshold)).orElse(false);
  }
}
