package io.aiops.collector.delivery;

import io.aiops.schemas.serde.AvroTrust;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/** Plain Avro binary of generated records (no wire-format header), reusing one encoder. */
final class AvroBinary {
  private final Map<Schema, SpecificDatumWriter<SpecificRecord>> writers = new HashMap<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
  private BinaryEncoder encoder;

  AvroBinary() {
    AvroTrust.trustGeneratedClasses();
  }

  synchronized byte[] encode(SpecificRecord record) {
    SpecificDatumWriter<SpecificRecord> writer =
        writers.computeIfAbsent(record.getSchema(), SpecificDatumWriter::new);
    buffer.reset();
    encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
    try {
      writer.write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + record.getSchema().getFullName(), e);
    }
    return buffer.toByteArray();
  }
}
