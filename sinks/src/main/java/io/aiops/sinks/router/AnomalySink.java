package io.aiops.sinks.router;

import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.registry.SchemaRegistryClient;
import io.aiops.schemas.topic.MemoryTopics;
import io.aiops.schemas.topic.TopicNames;
import io.aiops.sinks.store.AnomalyStore;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Consumes memory.anomalies.v1, writes each anomaly to the store and hands it to a listener (the
 * CLI prints it); a record that cannot be decoded goes to memory.dlq.v1 with DeadLetterHeaders
 * (stage "sinks.anomaly-store") and consumption goes on. Offsets committed after the store write
 * (at-least-once; the store's idempotent key makes replays harmless).
 */
public final class AnomalySink implements AutoCloseable {
  static final String STAGE = "sinks.anomaly-store";

  private final SinkLoop loop;

  public AnomalySink(
      String bootstrapServers,
      SchemaRegistryClient registry,
      String groupId,
      AnomalyStore store,
      Consumer<MemoryAnomaly> listener) {
    var producer = SinkClients.deadLetterProducer(bootstrapServers, groupId);
    var decoder = MemoryTopics.using(registry).anomalies().valueSerde().deserializer();
    var storing =
        new StoringRecordHandler.Storing<MemoryAnomaly>(
            STAGE, "MemoryAnomaly", anomaly -> Optional.empty(), store::put, listener);
    this.loop =
        new SinkLoop(
            "anomaly-sink",
            TopicNames.ANOMALIES,
            SinkClients.consumer(bootstrapServers, groupId),
            producer,
            new StoringRecordHandler<>(decoder, storing, producer),
            Optional.empty());
  }

  /** Starts consuming on the thread "anomaly-sink". */
  public void start() {
    loop.start();
  }

  /** Stops the loop, closes consumer and producer, waits for the thread. */
  @Override
  public void close() {
    loop.close();
  }
}
