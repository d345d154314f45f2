package io.aiops.cli.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal. Java 17 can only tell that stdin and stdout both are
 * (System.console()); a progress line on stderr must show when stdout is piped to jq, so the
 * descriptor's target is looked at instead.
 */
public final class Terminal {
  public static final int STDOUT = 1;
  public static final int STDERR = 2;

  private Terminal() {}

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
}
