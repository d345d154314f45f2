package io.aiops.collector.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential pauses between attempts to reach the broker, doubled per failure up to a cap, with
 * the upper half randomised so that a fleet of collectors does not reconnect in lockstep after an
 * outage.
 */
final class Backoff {
  private final long initialNanos;
  private final long maxNanos;
  private long nextNanos;

  Backoff(Duration initial, Duration max) {
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
    this.nextNanos = initialNanos;
  }

  /** The pause before the next attempt: between half and all of the current step. */
  Duration next() {
    long step = nextNanos;
    nextNanos = Math.min(maxNanos, step * 2);
    long half = step / 2;
    return Duration.ofNanos(half + ThreadLocalRandom.current().nextLong(step - half + 1));
  }

  /** After a success: the next failure starts from the initial pause again. */
  void reset() {
    nextNanos = initialNanos;
  }
}
