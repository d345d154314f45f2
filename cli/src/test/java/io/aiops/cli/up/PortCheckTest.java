package io.aiops.cli.up;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {

  @Test
  void namesTheOptionToChangeWhenAPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("localhost"))) {
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () -> PortCheck.requireFree("--api-port", taken.getLocalPort()));
      assertTrue(e.getMessage().contains("--api-port 0"), e.getMessage());
    }
  }

  @Test
  void acceptsAFreePortAndPortZero() throws Exception {
    int free;
    try (ServerSocket probe = new ServerSocket(0)) {
      free = probe.getLocalPort();
    }
    int port = free;
    assertDoesNotThrow(() -> PortCheck.requireFree("--api-port", port));
    assertDoesNotThrow(() -> PortCheck.requireFree("--api-port", 0));
  }
}
