package io.aiops.collector.delivery;

import io.aiops.collector.delivery.spool.SpooledRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.Schema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Turns a spooled record into the record Kafka gets: key as UTF-8, value in the Confluent wire
 * format (magic byte 0, the registry id of the schema it was written with, the Avro binary).
 */
final class WireRecords {
  private static final byte MAGIC = 0;
  private static final int HEADER_BYTES = 5;

  private final SpoolEntryCodec codec;
  private final SpoolSchemas schemas;
  private final RegistryIds ids;

  WireRecords(SpoolEntryCodec codec, SpoolSchemas schemas, RegistryIds ids) {
    this.codec = codec;
    this.schemas = schemas;
    this.ids = ids;
  }

  /**
   * @throws IllegalArgumentException when the record cannot be read (it never will be)
   * @throws io.aiops.schemas.registry.SchemaRegistryException when the registry cannot be asked for
   *     the schema's id (try again later)
   */
  ProducerRecord<byte[], byte[]> toProducerRecord(SpooledRecord record) {
    SpoolEntry entry = codec.decode(record.payload());
    Schema schema;
    try {
      schema = schemas.schema(entry.schemaFingerprint());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read its schema: " + e.getMessage(), e);
    }
    int schemaId = ids.idFor(entry.topic(), entry.schemaFingerprint(), schema);
    byte[] value =
        ByteBuffer.allocate(HEADER_BYTES + entry.avroValue().length)
            .put(MAGIC)
            .putInt(schemaId)
            .put(entry.avroValue())
            .array();
    byte[] key = entry.key() == null ? null : entry.key().getBytes(StandardCharsets.UTF_8);
    return new ProducerRecord<>(entry.topic(), null, entry.timestampMs(), key, value);
  }
}
