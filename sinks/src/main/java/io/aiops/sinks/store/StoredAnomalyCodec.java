package io.aiops.sinks.store;

import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.serde.AvroTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The value format of the store: a format byte, then Avro single-object encoding (the writer
 * schema's fingerprint and the binary record). Writer schemas are kept in the store itself, so
 * values written before a (backward compatible) schema change still decode after it.
 */
final class StoredAnomalyCodec {
  static final byte FORMAT_V1 = 1;

  static {
    AvroTrust.trustGeneratedClasses();
  }

  private final SpecificData model = SpecificData.getForClass(MemoryAnomaly.class);
  private final BinaryMessageEncoder<MemoryAnomaly> encoder =
      new BinaryMessageEncoder<>(model, MemoryAnomaly.getClassSchema());
  private final BinaryMessageDecoder<MemoryAnomaly> decoder =
      new BinaryMessageDecoder<>(model, MemoryAnomaly.getClassSchema());

  /**
   * Records the current writer schema in {@code schemas} (keyed by its 64-bit parsing fingerprint)
   * and makes every schema recorded there by this or an earlier version readable.
   */
  void loadWriterSchemas(RocksDB db, ColumnFamilyHandle schemas) throws RocksDBException {
    Schema current = MemoryAnomaly.getClassSchema();
    byte[] key =
        ByteBuffer.allocate(Long.BYTES)
            .putLong(SchemaNormalization.parsingFingerprint64(current))
            .array();
    db.put(schemas, key, current.toString().getBytes(StandardCharsets.UTF_8));
    try (RocksIterator it = db.newIterator(schemas)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        String json = new String(it.value(), StandardCharsets.UTF_8);
        decoder.addSchema(new Schema.Parser().parse(json));
      }
    }
  }

  byte[] encode(MemoryAnomaly anomaly) {
    try {
      ByteBuffer body = encoder.encode(anomaly);
      byte[] value = new byte[1 + body.remaining()];
      value[0] = FORMAT_V1;
      body.get(value, 1, body.remaining());
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode anomaly " + anomaly.getAnomalyId(), e);
    }
  }

  MemoryAnomaly decode(byte[] value) {
    if (value.length == 0 || value[0] != FORMAT_V1) {
      throw new IllegalStateException(
          "unknown stored format " + (value.length == 0 ? "(empty value)" : value[0]));
    }
    try {
      return decoder.decode(ByteBuffer.wrap(Arrays.copyOfRange(value, 1, value.length)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode stored anomaly", e);
    }
  }
}
