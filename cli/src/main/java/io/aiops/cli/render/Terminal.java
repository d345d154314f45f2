package io.aiops.cli.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the output goes to, and the colours of the reports: a person at a terminal gets colour and
 * progress, a pipe, a file or a test gets neither. Java 17 can only tell that stdin and stdout both
 * are a terminal (System.console()); a progress line on stderr must show when stdout is piped to
 * jq, so each descriptor's target is looked at instead. NO_COLOR and TERM=dumb turn colour off.
 *
 * @param interactive stderr is a terminal: progress may be drawn there
 * @param colour stdout is a terminal that takes colour
 */
public record Terminal(boolean interactive, boolean colour) {
  public static final Terminal NONE = new Terminal(false, false);
  public static final int STDOUT = 1;
  public static final int STDERR = 2;

  private static final String RESET = "\u001b[0m";

  public static Terminal detect() {
    boolean colour =
        isTerminal(STDOUT)
            && System.getenv("NO_COLOR") == null
            && !"dumb".equals(System.getenv("TERM"));
    return new Terminal(isTerminal(STDERR), colour);
  }

  /** True when the descriptor of this process is a terminal (/dev/pts/N, /dev/ttyN). */
  public static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  public String bold(String text) {
    return paint("\u001b[1m", text);
  }

  /** For what needs attention: a finding, a process that grew. */
  public String warn(String text) {
    return paint("\u001b[33m", text);
  }

  /** For what fails a check: beyond a threshold, a critical finding. */
  public String alarm(String text) {
    return paint("\u001b[1;31m", text);
  }

  /** For what is well: a check passed. */
  public String ok(String text) {
    return paint("\u001b[32m", text);
  }

  private String paint(String code, String text) {
    return colour ? code + text + RESET : text;
  }
}
