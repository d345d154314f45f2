package io.aiops.cli.render;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Waits out a sampling interval, counting down on stderr when the wait is long enough to look like
 * a hang (about two seconds) and stderr is a terminal; the line is erased when done, so nothing is
 * left in a log or a pipe.
 */
public final class SamplingProgress {
  static final Duration SHOWN_FROM = Duration.ofSeconds(2);
  private static final long TICK_MS = 250;

  private final PrintWriter err;
  private final boolean terminal;

  SamplingProgress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** Progress on this writer, shown only when the process's stderr is a terminal. */
  public static SamplingProgress onStderr(PrintWriter err) {
    return new SamplingProgress(err, Terminal.isTerminal(Terminal.STDERR));
  }

  /** Sleeps for {@code interval}, showing what it waits for when that is worth showing. */
  public void waitFor(Duration interval, String what) {
    boolean shown = terminal && interval.compareTo(SHOWN_FROM) >= 0;
    long end = System.nanoTime() + interval.toNanos();
    try {
      long left;
      long lastShown = -1;
      while ((left = end - System.nanoTime()) > 0) {
        long seconds = (long) Math.ceil(left / 1_000_000_000.0);
        if (shown && seconds != lastShown) {
          err.print(String.format(Locale.ROOT, "\r%s: %d s left ", what, seconds));
          err.flush();
          lastShown = seconds;
        }
        Thread.sleep(Math.min(TICK_MS, Math.max(1, left / 1_000_000)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sampling", e);
    } finally {
      if (shown) {
        err.print("\r\u001B[K");
        err.flush();
      }
    }
  }
}
