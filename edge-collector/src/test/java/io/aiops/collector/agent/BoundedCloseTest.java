package io.aiops.collector.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class BoundedCloseTest {

  @Test
  void stopsWaitingForACloseThatHangs() {
    CountDownLatch never = new CountDownLatch(1);
    long start = System.nanoTime();

    boolean closed = BoundedClose.close("stuck delivery", never::await, Duration.ofMillis(200));

    assertFalse(closed);
    assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) < 0);
  }

  @Test
  void reportsAPromptCloseAsClosed() {
    assertTrue(BoundedClose.close("quick", () -> {}, Duration.ofSeconds(5)));
  }
}
