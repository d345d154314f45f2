package io.aiops.sinks.store;

import static io.aiops.sinks.AnomalyFixtures.MONDAY_10_00;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiops.schemas.memory.MemoryAnomaly;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;

/** The store outlives schema versions: what an older release wrote is still readable. */
class AnomalyStoreSchemaEvolutionTest {
  @TempDir Path dir;

  @Test
  void readsAnomaliesWrittenBeforeFieldsWithDefaultsWereAdded() throws Exception {
    Schema older = withoutFields(MemoryAnomaly.getClassSchema(), "oom_eta_seconds", "evidence");
    GenericRecord old = olderRecord(older);
    writeRaw(older, old);

    try (QueryStore opened = QueryStore.open(dir)) {
      AnomalyStore store = opened.anomalies();
      List<MemoryAnomaly> read = store.since(0, 10);

      assertEquals(1, read.size());
      assertEquals("from-v0", read.get(0).getAnomalyId());
      assertEquals(MONDAY_10_00, read.get(0).getDetectedAtMs());
      assertNull(read.get(0).getOomEtaSeconds());
      assertEquals(Map.of(), read.get(0).getEvidence());
    }
  }

  private static Schema withoutFields(Schema schema, String... names) throws Exception {
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(schema.toString());
    ArrayNode kept = json.putArray("fields_kept");
    json.get("fields")
        .forEach(
            f -> {
              if (!List.of(names).contains(f.get("name").asText())) {
                kept.add(f);
              }
            });
    json.set("fields", kept);
    json.remove("fields_kept");
    return new Schema.Parser().parse(json.toString());
  }

  private static GenericRecord olderRecord(Schema older) {
    Schema kind = older.getField("series_kind").schema();
    Schema type = older.getField("anomaly_type").schema();
    Schema severity = older.getField("severity").schema();
    return new GenericRecordBuilder(older)
        .set("anomaly_id", "from-v0")
        .set("series_id", "web-01")
        .set("series_kind", new GenericData.EnumSymbol(kind, "HOST"))
        .set("anomaly_type", new GenericData.EnumSymbol(type, "MEMORY_LEAK"))
        .set("severity", new GenericData.EnumSymbol(severity, "INFO"))
        .set("host_id", "web-01")
        .set("service", "")
        .set("detected_at_ms", MONDAY_10_00)
        .set("classification", "linear_leak")
        .set("confidence", 0.5)
        .build();
  }

  // Writes as an older release would have: its schema under its fingerprint, its value encoded, in
  // a store of two column families (before trends were kept).
  private void writeRaw(Schema older, GenericRecord record) throws Exception {
    ByteBuffer body =
        new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older).encode(record);
    byte[] value = new byte[1 + body.remaining()];
    value[0] = StoredRecordCodec.FORMAT_V1;
    body.get(value, 1, body.remaining());
    byte[] id = "from-v0".getBytes(StandardCharsets.UTF_8);
    byte[] key =
        ByteBuffer.allocate(8 + id.length).putLong(MONDAY_10_00 ^ Long.MIN_VALUE).put(id).array();
    byte[] schemaKey =
        ByteBuffer.allocate(8).putLong(SchemaNormalization.parsingFingerprint64(older)).array();

    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options =
            new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
        RocksDB db =
            RocksDB.open(
                options,
                dir.toString(),
                List.of(
                    new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
                    new ColumnFamilyDescriptor("schemas".getBytes(StandardCharsets.UTF_8))),
                handles)) {
      db.put(handles.get(1), schemaKey, older.toString().getBytes(StandardCharsets.UTF_8));
      db.put(handles.get(0), key, value);
      handles.forEach(ColumnFamilyHandle::close);
    }
  }
}
