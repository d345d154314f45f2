package io.aiops.collector.delivery;

import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.OomKillEvent;
import io.aiops.schemas.topic.MemoryTopics;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One producer carries both record types: each value goes through its own topic's serializer, so
 * the samples and OOM events keep their registry subjects.
 */
final class ValueByType implements Serializer<Object> {
  private final Serializer<HostMemorySample> samples;
  private final Serializer<OomKillEvent> oomEvents;

  ValueByType(MemoryTopics topics) {
    this.samples = topics.samples().valueSerde().serializer();
    this.oomEvents = topics.oomEvents().valueSerde().serializer();
  }

  @Override
  public byte[] serialize(String topic, Object value) {
    if (value instanceof HostMemorySample sample) {
      return samples.serialize(topic, sample);
    }
    if (value instanceof OomKillEvent event) {
      return oomEvents.serialize(topic, event);
    }
    throw new IllegalArgumentException("no serializer for " + value.getClass().getName());
  }
}
