package io.aiops.collector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Runs the standard tools (procps's free and ps) that live-host tests compare figures with. */
public final class Procps {
  private Procps() {}

  /** The command's output, stdout and stderr together. */
  public static String run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return out;
    } catch (IOException e) {
      throw new AssertionError(
          "cannot run `"
              + command[0]
              + "` ("
              + e.getMessage()
              + "): this test compares with"
              + " procps; install it (apt-get install procps), as .ci/run does",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command[0], e);
    }
  }
}
