package io.aiops.collector.delivery;

import io.aiops.schemas.registry.SchemaRegistryClient;
import io.aiops.schemas.topic.TopicNames;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Registry ids of the schemas spooled values were written with, under the topic's value subject,
 * asked once each: after the first send the registry is off the path, so a registry outage alone
 * does not stop delivery.
 */
final class RegistryIds {
  private record Key(String subject, long fingerprint) {}

  private final SchemaRegistryClient registry;
  private final Map<Key, Integer> ids = new ConcurrentHashMap<>();

  RegistryIds(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  /**
   * @throws io.aiops.schemas.registry.SchemaRegistryException when the registry cannot be asked
   */
  int idFor(String topic, long fingerprint, Schema schema) {
    String subject = TopicNames.valueSubject(topic);
    return ids.computeIfAbsent(
        new Key(subject, fingerprint), key -> registry.register(subject, schema));
  }
}
