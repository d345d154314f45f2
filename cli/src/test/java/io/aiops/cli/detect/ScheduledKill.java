package io.aiops.cli.detect;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends a watched child on a clock. A child left to exit by itself ({@code sleep 2}) can be gone
 * before a loaded machine reaches the command's first read, and then there is nothing to watch;
 * killing a long sleep after a while leaves the start to take as long as it takes.
 */
final class ScheduledKill implements AutoCloseable {
  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

  private ScheduledKill(Process child, Duration after) {
    clock.schedule(child::destroy, after.toMillis(), TimeUnit.MILLISECONDS);
  }

  static ScheduledKill after(Process child, Duration after) {
    return new ScheduledKill(child, after);
  }

  @Override
  public void close() {
    clock.shutdownNow();
  }
}
