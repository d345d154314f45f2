package io.aiops.schemas.serde;

import io.aiops.schemas.registry.SchemaRegistryClient;
import io.aiops.schemas.topic.TopicNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Writes a generated Avro record in the Confluent wire format, registering under topic-value. */
public final class ConfluentAvroSerializer<T extends SpecificRecord> implements Serializer<T> {
  private final SchemaRegistryClient registry;
  private final Schema schema;
  private final SpecificDatumWriter<T> writer;
  // One serializer instance is used by one producer or stream thread, so per-instance reuse is safe
  // and keeps the encoder allocation off the per-record path.
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);
  private BinaryEncoder encoder;

  public ConfluentAvroSerializer(SchemaRegistryClient registry, Schema schema) {
    this.registry = registry;
    this.schema = schema;
    AvroTrust.trustGeneratedClasses();
    this.writer = new SpecificDatumWriter<>(schema);
  }

  @Override
  public synchronized byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    int id = registry.register(TopicNames.valueSubject(topic), schema);
    try {
      buffer.reset();
      buffer.write(new byte[ConfluentWireFormat.HEADER_LENGTH]);
      encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
      writer.write(record, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "cannot encode " + schema.getFullName() + " for " + topic + ": " + e.getMessage(), e);
    }
    byte[] bytes = buffer.toByteArray();
    ConfluentWireFormat.writeHeader(bytes, id);
    return bytes;
  }
}
