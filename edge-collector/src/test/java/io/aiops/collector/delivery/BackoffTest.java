package io.aiops.collector.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesEachPauseUpToTheCapWithinHalfToAllOfTheStep() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    long[] stepsMs = {1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000};

    for (long stepMs : stepsMs) {
      long pauseMs = backoff.next().toMillis();
      assertTrue(pauseMs >= stepMs / 2 && pauseMs <= stepMs, pauseMs + " ms for step " + stepMs);
    }
  }

  @Test
  void startsOverAfterASuccess() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    for (int i = 0; i < 6; i++) {
      backoff.next();
    }

    backoff.reset();

    assertTrue(backoff.next().toMillis() <= 1_000);
  }
}
