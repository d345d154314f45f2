package io.aiops.cli.render;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A one-line progress indicator on stderr for work that turns out to take a while: nothing for the
 * first two seconds (most runs end before), then the status redrawn four times a second, erased at
 * the end. Only at a terminal: a pipe or a log file must not fill with carriage returns.
 */
public final class Progress implements AutoCloseable {
  static final long QUIET_MS = 2_000;
  private static final long REDRAW_MS = 250;

  private final ScheduledExecutorService timer;
  private final PrintWriter err;
  private boolean shown;

  private Progress(ScheduledExecutorService timer, PrintWriter err) {
    this.timer = timer;
    this.err = err;
  }

  /** Starts the indicator; {@code status} is asked for the line each time it is drawn. */
  public static Progress start(Terminal terminal, PrintWriter err, Supplier<String> status) {
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
        () -> progress.draw(status.get()), QUIET_MS, REDRAW_MS, TimeUnit.MILLISECONDS);
    return progress;
  }

  private synchronized void draw(String line) {
    // \r and erase-to-end-of-line: the line is redrawn in place, shorter ones leave no tail.
    err.print("\r" + line + "\u001b[K");
    err.flush();
    shown = true;
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
      if (shown) {
        err.print("\r\u001b[K");
        err.flush();
      }
    }
  }
}
