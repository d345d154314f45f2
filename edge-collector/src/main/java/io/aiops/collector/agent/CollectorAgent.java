package io.aiops.collector.agent;

import io.aiops.collector.config.CollectorSettings;
import io.aiops.collector.config.SamplingSettings;
import io.aiops.collector.delivery.CollectorDelivery;
import io.aiops.collector.host.HostSampler;
import io.aiops.collector.metrics.CollectorExposition;
import io.aiops.collector.metrics.CollectorMetrics;
import io.aiops.collector.metrics.MetricsServer;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.OomKillEvent;
import io.aiops.schemas.serde.AvroTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running collector: samples the host at a fixed rate on one thread, hands each sample to
 * the delivery, counts and times the rounds, and serves the counters on the metrics endpoint. It
 * owns the delivery from {@link #start} on and closes it within a bound.
 */
public final class CollectorAgent implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CollectorAgent.class);

  /** How long close waits for the delivery to send what it holds before leaving it. */
  public static final Duration DELIVERY_CLOSE_BOUND = Duration.ofSeconds(15);

  private final HostSampler sampler;
  private final ReadErrors readErrors;
  private final CollectorDelivery delivery;
  private final CollectorMetrics metrics = new CollectorMetrics();
  private final ScheduledExecutorService scheduler;
  private MetricsServer metricsServer;

  private CollectorAgent(SamplingSettings sampling, CollectorDelivery delivery) {
    // Building a sample fills defaults of generated nested types, which Avro must trust first.
    AvroTrust.trustGeneratedClasses();
    this.readErrors = new ReadErrors();
    this.sampler = new HostSampler(sampling.paths(), sampling.selection(), readErrors);
    this.delivery = delivery;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "collector-sampling");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts with the settings' interval and metrics endpoint (none when the port is 0). */
  public static CollectorAgent start(CollectorSettings settings, CollectorDelivery delivery) {
    MetricsEndpoint endpoint =
        settings.metricsPort() == 0
            ? null
            : new MetricsEndpoint(settings.metricsAddress(), settings.metricsPort());
    return start(settings.sampling(), settings.interval(), endpoint, delivery);
  }

  /**
   * Starts sampling now and then every interval; serves metrics at the endpoint unless it is null.
   *
   * @throws IllegalStateException when the metrics endpoint cannot listen (the delivery is closed)
   */
  public static CollectorAgent start(
      SamplingSettings sampling,
      Duration interval,
      MetricsEndpoint endpoint,
      CollectorDelivery delivery) {
    CollectorAgent agent = new CollectorAgent(sampling, delivery);
    if (endpoint != null) {
      try {
        agent.metricsServer =
            MetricsServer.start(endpoint.address(), endpoint.port(), agent::exposition);
      } catch (IOException | UncheckedIOException e) {
        agent.close();
        throw new IllegalStateException(
            "cannot serve metrics on "
                + endpoint.address()
                + ":"
                + endpoint.port()
                + " ("
                + e.getMessage()
                + "); pass another --metrics-port, or 0 to turn the endpoint off");
      }
    }
    agent.scheduler.scheduleAtFixedRate(
        agent::round, 0, Math.max(1, interval.toNanos()), TimeUnit.NANOSECONDS);
    return agent;
  }

  /** Where the OOM-kill watcher hands what it parsed: published and counted. */
  public void publishOomKill(OomKillEvent event) {
    delivery.publish(event);
    metrics.recordOomKill();
  }

  /** The port the metrics endpoint listens on, or -1 when it is off. */
  public int metricsPort() {
    return metricsServer == null ? -1 : metricsServer.port();
  }

  /** The self-metrics as the endpoint serves them. */
  public String exposition() {
    return CollectorExposition.render(
        metrics.snapshot(), delivery.stats(), readErrors.snapshot(), HostSampler.COLLECTOR_VERSION);
  }

  private void round() {
    long start = System.nanoTime();
    try {
      HostMemorySample sample = sampler.sample(System.currentTimeMillis());
      delivery.publish(sample);
      metrics.recordSample(System.nanoTime() - start, sample.getProcesses().size());
    } catch (RuntimeException e) {
      // A collector must outlive a bad read: count it and try again next interval.
      metrics.recordFailedRound(System.nanoTime() - start);
      LOG.warn("sampling round failed, retrying next interval: {}", e.getMessage());
    }
  }

  /** Stops sampling, lets the delivery send what it holds (bounded), then stops serving metrics. */
  @Override
  public void close() {
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    BoundedClose.close("delivery", delivery, DELIVERY_CLOSE_BOUND);
    if (metricsServer != null) {
      metricsServer.close();
    }
  }
}
