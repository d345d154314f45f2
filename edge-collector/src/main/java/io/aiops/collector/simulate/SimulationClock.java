package io.aiops.collector.simulate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated time that advances one step per tick, however fast ticks come: the caller paces ticks
 * in wall time (step ÷ time scale), and a slow round only slows the simulation, never skips
 * samples.
 */
public final class SimulationClock {
  private final long startMs;
  private final long stepMs;
  private final AtomicLong ticks = new AtomicLong();

  public SimulationClock(long startMs, Duration step) {
    if (step.toMillis() <= 0) {
      throw new IllegalArgumentException("simulation step must be positive");
    }
    this.startMs = startMs;
    this.stepMs = step.toMillis();
  }

  public long startMs() {
    return startMs;
  }

  /** The simulated time of the next tick, advancing the clock. */
  public long tick() {
    return startMs + ticks.getAndIncrement() * stepMs;
  }

  /** The simulated time of the last tick. */
  public long nowMs() {
    return startMs + Math.max(0, ticks.get() - 1) * stepMs;
  }

  /** The wall-clock pacing of ticks that runs simulated time {@code timeScale} times faster. */
  public static Duration wallInterval(Duration step, double timeScale) {
    if (timeScale <= 0) {
      throw new IllegalArgumentException("time scale must be positive, was " + timeScale);
    }
    return Duration.ofNanos(Math.max(1, Math.round(step.toNanos() / timeScale)));
  }
}
