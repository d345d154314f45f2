package io.aiops.collector.agent;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM as a signal the working thread waits on. The shutdown hook holds the JVM until
 * the work has stopped cleanly (or a bound passes), so the last line printed is whole and the last
 * records are handed over.
 */
public final class StopSignal implements AutoCloseable {
  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private StopSignal(Duration exitBound) {
    this.hook =
        new Thread(
            () -> {
              requested.countDown();
              awaitQuietly(finished, exitBound);
            },
            "collector-shutdown");
  }

  /** A signal raised by the JVM's shutdown; the JVM waits up to exitBound for {@link #close}. */
  public static StopSignal onShutdown(Duration exitBound) {
    StopSignal signal = new StopSignal(exitBound);
    Runtime.getRuntime().addShutdownHook(signal.hook);
    return signal;
  }

  public void request() {
    requested.countDown();
  }

  public boolean requested() {
    return requested.getCount() == 0;
  }

  /** Waits until a stop is requested. */
  public void await() throws InterruptedException {
    requested.await();
  }

  /** Sleeps until the deadline (System.nanoTime) and says whether to go on: false once stopped. */
  public boolean sleepUntil(long deadlineNanos) throws InterruptedException {
    long wait = deadlineNanos - System.nanoTime();
    return !(wait > 0 ? requested.await(wait, TimeUnit.NANOSECONDS) : requested());
  }

  /** The work has stopped: lets a pending shutdown finish, or unregisters the hook. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down: the hook is running and now returns.
    }
  }

  private static void awaitQuietly(CountDownLatch latch, Duration bound) {
    try {
      latch.await(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
