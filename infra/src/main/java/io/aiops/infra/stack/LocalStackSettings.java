package io.aiops.infra.stack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the local stack keeps its data and which ports it listens on (0 = a free port).
 *
 * @param dataDir the broker's data goes to {@code dataDir/kafka}
 */
public record LocalStackSettings(
    Path dataDir, int kafkaPort, int controllerPort, int registryPort) {

  public LocalStackSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    checkPort("kafkaPort", kafkaPort);
    checkPort("controllerPort", controllerPort);
    checkPort("registryPort", registryPort);
  }

  /** Every port chosen free at start, for tests and side-by-side stacks. */
  public static LocalStackSettings ephemeralPorts(Path dataDir) {
    return new LocalStackSettings(dataDir, 0, 0, 0);
  }

  private static void checkPort(String name, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(name + " must be between 0 and 65535, not " + port);
    }
  }
}
