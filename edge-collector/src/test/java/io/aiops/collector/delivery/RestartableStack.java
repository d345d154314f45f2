package io.aiops.collector.delivery;

import io.aiops.infra.stack.LocalStack;
import io.aiops.infra.stack.LocalStackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The embedded broker and registry on ports fixed up front and one data directory, so that they can
 * be stopped and started again as the same cluster at the same addresses, like a real outage.
 */
final class RestartableStack implements AutoCloseable {
  private final LocalStackSettings settings;
  private LocalStack running;

  RestartableStack(Path dataDir) {
    int[] ports = distinctFreePorts(3);
    this.settings = new LocalStackSettings(dataDir, ports[0], ports[1], ports[2]);
  }

  void start() {
    running = LocalStack.start(settings);
    // The fleet's clock starts in 2023: without this, a slow run loses samples to retention.
    running.keepEveryRecord();
  }

  void stop() {
    running.close();
    running = null;
  }

  /** Valid while the stack is down too: clients keep it and reconnect. */
  String bootstrapServers() {
    return "localhost:" + settings.kafkaPort();
  }

  String schemaRegistryUrl() {
    return "http://localhost:" + settings.registryPort();
  }

  @Override
  public void close() {
    if (running != null) {
      stop();
    }
  }

  private static int[] distinctFreePorts(int count) {
    Set<Integer> ports = new HashSet<>();
    while (ports.size() < count) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
        ports.add(socket.getLocalPort());
      } catch (IOException e) {
        throw new UncheckedIOException("no free port on localhost", e);
      }
    }
    return ports.stream().mapToInt(Integer::intValue).toArray();
  }
}
