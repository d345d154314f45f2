package io.aiops.schemas.topic;

import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.memory.MemoryTrend;
import io.aiops.schemas.memory.OomKillEvent;
import io.aiops.schemas.registry.SchemaRegistryClient;
import io.aiops.schemas.serde.AvroSerde;
import org.apache.kafka.common.serialization.Serdes;

/** The product's topics with their serdes, bound to one schema registry. */
public record MemoryTopics(
    Topic<String, HostMemorySample> samples,
    Topic<String, OomKillEvent> oomEvents,
    Topic<String, MemoryTrend> trends,
    Topic<String, MemoryAnomaly> anomalies,
    Topic<byte[], byte[]> deadLetters) {

  public static MemoryTopics using(SchemaRegistryClient registry) {
    return new MemoryTopics(
        new Topic<>(
            TopicNames.SAMPLES,
            Serdes.String(),
            new AvroSerde<>(registry, HostMemorySample.getClassSchema())),
        new Topic<>(
            TopicNames.OOM_EVENTS,
            Serdes.String(),
            new AvroSerde<>(registry, OomKillEvent.getClassSchema())),
        new Topic<>(
            TopicNames.TRENDS,
            Serdes.String(),
            new AvroSerde<>(registry, MemoryTrend.getClassSchema())),
        new Topic<>(
            TopicNames.ANOMALIES,
            Serdes.String(),
            new AvroSerde<>(registry, MemoryAnomaly.getClassSchema())),
        new Topic<>(TopicNames.DLQ, Serdes.ByteArray(), Serdes.ByteArray()));
  }
}
