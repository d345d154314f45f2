package io.aiops.sinks.store;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How long the query store keeps a process's trend points: the last {@code keep} of each series (in
 * the series' own time, so a simulated fleet running ahead of the clock keeps its history too), and
 * a series whose last point is older than {@code keep} by the wall clock is dropped whole.
 *
 * <p>Old points are cut in steps of {@link #slack()}, not point by point: one range deletion per
 * series per slack period, so a series holds between {@code keep} and {@code keep + slack}.
 */
public record TrendRetention(Duration keep) {
  /** Four weeks: capacity planning compares a process with itself weeks ago. */
  public static final TrendRetention DEFAULT = new TrendRetention(Duration.ofDays(28));

  public TrendRetention {
    Objects.requireNonNull(keep, "keep");
    if (keep.isNegative() || keep.isZero()) {
      throw new IllegalArgumentException("trend retention must be positive, was " + keep);
    }
  }

  /** An eighth of {@code keep}: 3.5 days for four weeks. */
  public Duration slack() {
    return keep.dividedBy(8);
  }

  /**
   * For a series whose points run from {@code firstWindowStartMs} to {@code lastWindowEndMs}: the
   * window end before which its points go now, or empty while the oldest is within keep + slack.
   */
  public OptionalLong trimBefore(long firstWindowStartMs, long lastWindowEndMs) {
    long keepFromMs = keepFrom(lastWindowEndMs);
    return firstWindowStartMs < keepFromMs - slack().toMillis()
        ? OptionalLong.of(keepFromMs)
        : OptionalLong.empty();
  }

  /** The oldest window end kept of a series whose latest window ends at {@code lastWindowEndMs}. */
  public long keepFrom(long lastWindowEndMs) {
    return lastWindowEndMs - keep.toMillis();
  }

  /** A series whose last window ended before this wall-clock instant is dropped whole. */
  public long expiredBefore(long nowMs) {
    return nowMs - keep.toMillis();
  }
}
