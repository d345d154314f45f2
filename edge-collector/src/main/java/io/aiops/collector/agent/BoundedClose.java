package io.aiops.collector.agent;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes something on its own thread and stops waiting after a bound, so a delivery stuck on an
 * unreachable broker cannot hold a host's shutdown (systemd would SIGKILL it anyway).
 */
final class BoundedClose {
  private static final Logger LOG = LoggerFactory.getLogger(BoundedClose.class);

  private BoundedClose() {}

  /** Whether it closed within the bound. */
  static boolean close(String what, AutoCloseable closeable, Duration bound) {
    Thread closer =
        new Thread(
            () -> {
              try {
                closeable.close();
              } catch (Exception e) {
                LOG.warn("closing {} failed: {}", what, e.getMessage());
              }
            },
            "collector-close");
    closer.setDaemon(true);
    closer.start();
    try {
      closer.join(bound.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closer.isAlive()) {
      LOG.warn("{} did not close within {} ms; leaving it", what, bound.toMillis());
      return false;
    }
    return true;
  }
}
