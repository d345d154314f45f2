package io.aiops.cli.render;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A one-line progress indicator on stderr, for work that could look like a hang: nothing for work
 * that ends within two seconds, then its status, redrawn in place when it changes and erased at the
 * end. A wait of known length (a sampling interval) counts down instead, from its start when it is
 * two seconds or longer. Only at a terminal: a pipe or a log file must not fill with carriage
 * returns.
 */
public final class Progress implements AutoCloseable {
  /** How long work may take before it looks like a hang; most runs end before. */
  static final Duration QUIET = Duration.ofSeconds(2);

  private static final long REDRAW_MS = 250;

  private final ScheduledExecutorService timer;
  private final PrintWriter err;
  private String shown;

  private Progress(ScheduledExecutorService timer, PrintWriter err) {
    this.timer = timer;
    this.err = err;
  }

  /**
   * Shows {@code status} once the work has taken two seconds; it is asked for the line four times a
   * second from then on.
   */
  public static Progress start(Terminal terminal, PrintWriter err, Supplier<String> status) {
    return start(terminal, err, status, QUIET);
  }

  /**
   * Counts down a wait of {@code wait} from now ("sampling /proc: 3 s left"); a shorter wait than
   * two seconds shows nothing.
   */
  public static Progress countdown(Terminal terminal, PrintWriter err, String what, Duration wait) {
    if (wait.compareTo(QUIET) < 0) {
      return new Progress(null, err);
    }
    return start(terminal, err, secondsLeft(what, wait), Duration.ZERO);
  }

  /** "what: N s left" of a wait of {@code wait} from now; at least 1 s until it is over. */
  static Supplier<String> secondsLeft(String what, Duration wait) {
    long endNanos = System.nanoTime() + wait.toNanos();
    return () -> {
      long seconds = (long) Math.ceil((endNanos - System.nanoTime()) / 1e9);
      return String.format(Locale.ROOT, "%s: %d s left", what, Math.max(1, seconds));
    };
  }

  static Progress start(
      Terminal terminal, PrintWriter err, Supplier<String> status, Duration quiet) {
    if (!terminal.interactive()) {
      return new Progress(null, err);
    }
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "aiops-progress");
              thread.setDaemon(true);
              return thread;
            });
    Progress progress = new Progress(timer, err);
    timer.scheduleAtFixedRate(
        () -> progress.draw(status.get()), quiet.toMillis(), REDRAW_MS, TimeUnit.MILLISECONDS);
    return progress;
  }

  private synchronized void draw(String line) {
    if (line.equals(shown)) {
      return;
    }
    // \r and erase-to-end-of-line: the line is redrawn in place, shorter ones leave no tail.
    err.print("\r" + line + "\u001b[K");
    err.flush();
    shown = line;
  }

  @Override
  public void close() {
    if (timer == null) {
      return;
    }
    timer.shutdownNow();
    try {
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (shown != null) {
        err.print("\r\u001b[K");
        err.flush();
      }
    }
  }
}
