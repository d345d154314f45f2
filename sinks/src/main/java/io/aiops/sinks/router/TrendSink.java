package io.aiops.sinks.router;

import io.aiops.schemas.memory.MemoryTrend;
import io.aiops.schemas.registry.SchemaRegistryClient;
import io.aiops.schemas.topic.MemoryTopics;
import io.aiops.schemas.topic.TopicNames;
import io.aiops.sinks.store.TrendStore;
import io.aiops.sinks.store.TrendValidation;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes memory.trends.v1 into the query store's trend points, as {@link AnomalySink} does
 * anomalies: a record that cannot be decoded, or a trend {@link TrendValidation} refuses, goes to
 * memory.dlq.v1 with DeadLetterHeaders (stage "sinks.trend-store") and the reason; offsets are
 * committed after the store write. Every hour (and at start) it drops the series of processes gone
 * for longer than the retention.
 */
public final class TrendSink implements AutoCloseable {
  static final String STAGE = "sinks.trend-store";
  private static final Logger LOG = LoggerFactory.getLogger(TrendSink.class);
  private static final Duration EXPIRY_EVERY = Duration.ofHours(1);

  private final SinkLoop loop;

  /**
   * @param listener told of each stored point, on the sink's thread (e.g. to count them)
   */
  public TrendSink(
      String bootstrapServers,
      SchemaRegistryClient registry,
      String groupId,
      TrendStore store,
      Consumer<MemoryTrend> listener) {
    var producer = SinkClients.deadLetterProducer(bootstrapServers, groupId);
    var decoder = MemoryTopics.using(registry).trends().valueSerde().deserializer();
    var storing =
        new StoringRecordHandler.Storing<MemoryTrend>(
            STAGE, "MemoryTrend", TrendValidation::problem, store::put, listener);
    Runnable expire =
        () -> {
          int expired = store.expire(System.currentTimeMillis());
          if (expired > 0) {
            LOG.info("dropped {} trend series older than the retention", expired);
          }
        };
    this.loop =
        new SinkLoop(
            "trend-sink",
            TopicNames.TRENDS,
            SinkClients.consumer(bootstrapServers, groupId),
            producer,
            new StoringRecordHandler<>(decoder, storing, producer),
            Optional.of(new SinkLoop.Housekeeping(expire, EXPIRY_EVERY)));
  }

  /** Starts consuming on the thread "trend-sink". */
  public void start() {
    loop.start();
  }

  /** Stops the loop, closes consumer and producer, waits for the thread. */
  @Override
  public void close() {
    loop.close();
  }
}
