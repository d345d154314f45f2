package io.aiops.schemas.serde;

import io.aiops.schemas.registry.SchemaRegistryClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of one generated Avro type in the Confluent wire format. Each call to {@link #serializer()}
 * or {@link #deserializer()} returns a fresh instance, since Kafka Streams hands one to each
 * thread.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final SchemaRegistryClient registry;
  private final org.apache.avro.Schema schema;

  public AvroSerde(SchemaRegistryClient registry, org.apache.avro.Schema schema) {
    this.registry = registry;
    this.schema = schema;
  }

  @Override
  public Serializer<T> serializer() {
    return new ConfluentAvroSerializer<>(registry, schema);
  }

  @Override
  public Deserializer<T> deserializer() {
    return new ConfluentAvroDeserializer<>(registry, schema);
  }
}
