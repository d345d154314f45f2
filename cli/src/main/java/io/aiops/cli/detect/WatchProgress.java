package io.aiops.cli.detect;

import java.io.PrintWriter;

/**
 * The one progress line of a watch, rewritten in place on a terminal's stderr; nothing when stderr
 * is a file or a pipe, where it would only be noise in a log.
 */
final class WatchProgress {
  private final PrintWriter err;
  private final boolean shown;
  private int width;

  private WatchProgress(PrintWriter err, boolean shown) {
    this.err = err;
    this.shown = shown;
  }

  /** Shown when the process has a terminal (System.console() is not null). */
  static WatchProgress onTerminal(PrintWriter err) {
    return new WatchProgress(err, System.console() != null);
  }

  void show(String line) {
    if (!shown) {
      return;
    }
    // Pad over the previous, possibly longer, line.
    err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
    err.flush();
    width = line.length();
  }

  /** Moves past the progress line, so what follows starts on its own line. */
  void end() {
    if (shown && width > 0) {
      err.println();
      err.flush();
    }
  }
}
