package io.aiops.cli.up;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Checks before anything starts that the ports asked for are free, so that a second {@code aiops
 * up} or another Kafka on 9092 gives one clear line instead of the broker's bind stack traces.
 */
final class PortCheck {
  private PortCheck() {}

  static void requireFree(String option, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("localhost"))) {
      socket.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException(
          "port "
              + port
              + " is in use (another aiops up, or Kafka?); stop it or pass "
              + option
              + " 0 for any free port");
    }
  }
}
