package io.aiops.schemas.serde;

import io.aiops.schemas.registry.SchemaRegistryClient;
import io.aiops.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro into a generated record, resolving the writer's schema by id so
 * that records written with an older or newer compatible schema still decode.
 */
public final class ConfluentAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {
  private final SchemaRegistryClient registry;
  private final Schema readerSchema;
  private final Map<Integer, SpecificDatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();
  private BinaryDecoder decoder;

  public ConfluentAvroDeserializer(SchemaRegistryClient registry, Schema readerSchema) {
    this.registry = registry;
    this.readerSchema = readerSchema;
    AvroTrust.trustGeneratedClasses();
  }

  @Override
  public synchronized T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    int id = ConfluentWireFormat.schemaId(data);
    SpecificDatumReader<T> reader = readersByWriterId.computeIfAbsent(id, this::readerFor);
    try {
      decoder =
          DecoderFactory.get()
              .binaryDecoder(
                  data,
                  ConfluentWireFormat.HEADER_LENGTH,
                  data.length - ConfluentWireFormat.HEADER_LENGTH,
                  decoder);
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new WireFormatException(
          "cannot decode "
              + readerSchema.getName()
              + " written with schema id "
              + id
              + ": "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          e);
    }
  }

  private SpecificDatumReader<T> readerFor(int writerId) {
    Schema writerSchema;
    try {
      writerSchema = registry.schemaById(writerId);
    } catch (SchemaRegistryException e) {
      throw new WireFormatException("unknown schema id " + writerId + ": " + e.getMessage(), e);
    }
    return new SpecificDatumReader<>(writerSchema, readerSchema);
  }
}
