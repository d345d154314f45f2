package io.aiops.detection.host;

/**
 * A run of consecutive observations over which a condition held, from {@code sinceMs} to {@code
 * untilMs}; {@link #NONE} when it does not hold now.
 */
public record Streak(long sinceMs, long untilMs) {
  public static final Streak NONE = new Streak(Long.MIN_VALUE, Long.MIN_VALUE);

  public Streak {
    if (untilMs < sinceMs) {
      throw new IllegalArgumentException(
          "a streak ends after it starts: " + sinceMs + ", " + untilMs);
    }
  }

  public boolean running() {
    return !equals(NONE);
  }

  public long durationMs() {
    return untilMs - sinceMs;
  }

  /**
   * After a rate interval: the run grows when the condition held over it and the interval starts
   * where the run ended; an interval that does not join up (a gap or a reboot dropped rates in
   * between) starts a new run, which already counts its own length.
   */
  public Streak afterInterval(long fromMs, long toMs, boolean holds) {
    if (!holds) {
      return NONE;
    }
    return running() && fromMs == untilMs ? new Streak(sinceMs, toMs) : new Streak(fromMs, toMs);
  }

  /**
   * After a gauge reading at {@code atMs}: the run grows when the condition holds and the reading
   * follows the last within {@code maxGapMs}; otherwise a new run starts with no length.
   */
  public Streak afterPoint(long atMs, boolean holds, long maxGapMs) {
    if (!holds) {
      return NONE;
    }
    boolean follows = running() && atMs >= untilMs && atMs - untilMs <= maxGapMs;
    return follows ? new Streak(sinceMs, atMs) : new Streak(atMs, atMs);
  }
}
