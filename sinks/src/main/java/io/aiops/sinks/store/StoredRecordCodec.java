package io.aiops.sinks.store;

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
import org.apache.avro.specific.SpecificRecord;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * The value format of the store: a format byte, then Avro single-object encoding (the writer
 * schema's fingerprint and the binary record). Writer schemas are kept in the store itself, so
 * values written before a (backward compatible) schema change still decode after it.
 */
final class StoredRecordCodec<T extends SpecificRecord> {
  static final byte FORMAT_V1 = 1;

  static {
    AvroTrust.trustGeneratedClasses();
  }

  private final Schema schema;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  StoredRecordCodec(Class<T> type, Schema schema) {
    SpecificData model = SpecificData.getForClass(type);
    this.schema = schema;
    this.encoder = new BinaryMessageEncoder<>(model, schema);
    this.decoder = new BinaryMessageDecoder<>(model, schema);
  }

  /**
   * Records the current writer schema in {@code schemas} (keyed by its 64-bit parsing fingerprint)
   * and makes every schema of the same record recorded there by this or an earlier version
   * readable.
   */
  void loadWriterSchemas(RocksDB db, ColumnFamilyHandle schemas) throws RocksDBException {
    byte[] key =
        ByteBuffer.allocate(Long.BYTES)
            .putLong(SchemaNormalization.parsingFingerprint64(schema))
            .array();
    db.put(schemas, key, schema.toString().getBytes(StandardCharsets.UTF_8));
    try (RocksIterator it = db.newIterator(schemas)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        Schema written = new Schema.Parser().parse(new String(it.value(), StandardCharsets.UTF_8));
        if (written.getFullName().equals(schema.getFullName())) {
          decoder.addSchema(written);
        }
      }
    }
  }

  byte[] encode(T record) {
    try {
      ByteBuffer body = encoder.encode(record);
      byte[] value = new byte[1 + body.remaining()];
      value[0] = FORMAT_V1;
      body.get(value, 1, body.remaining());
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + schema.getName(), e);
    }
  }

  T decode(byte[] value) {
    return decode(value, 0);
  }

  /** Decodes the value that starts at {@code offset} of {@code bytes}. */
  T decode(byte[] bytes, int offset) {
    if (bytes.length <= offset || bytes[offset] != FORMAT_V1) {
      throw new IllegalStateException(
          "unknown stored format " + (bytes.length <= offset ? "(empty value)" : bytes[offset]));
    }
    try {
      return decoder.decode(ByteBuffer.wrap(Arrays.copyOfRange(bytes, offset + 1, bytes.length)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot decode stored " + schema.getName(), e);
    }
  }
}
