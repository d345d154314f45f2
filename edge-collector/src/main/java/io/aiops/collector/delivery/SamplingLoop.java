package io.aiops.collector.delivery;

import io.aiops.schemas.memory.HostMemorySample;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes samples at a fixed interval on its own thread and hands them to the publisher. A failed
 * round is logged and the next one runs: a collector must outlive a bad read.
 */
public final class SamplingLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SamplingLoop.class);

  private final String name;
  private final Duration interval;
  private final Supplier<List<HostMemorySample>> source;
  private final SamplePublisher publisher;
  private final ScheduledExecutorService scheduler;

  public SamplingLoop(
      String name,
      Duration interval,
      Supplier<List<HostMemorySample>> source,
      SamplePublisher publisher) {
    this.name = name;
    this.interval = interval;
    this.source = source;
    this.publisher = publisher;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              return thread;
            });
  }

  public void start() {
    long periodNanos = Math.max(1, interval.toNanos());
    scheduler.scheduleAtFixedRate(this::round, 0, periodNanos, TimeUnit.NANOSECONDS);
  }

  private void round() {
    try {
      source.get().forEach(publisher::publish);
    } catch (RuntimeException e) {
      LOG.warn("{}: sampling round failed, retrying next interval: {}", name, e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.shutdown();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publisher.flush();
  }
}
