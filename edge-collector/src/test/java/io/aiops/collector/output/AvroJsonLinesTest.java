package io.aiops.collector.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.collector.fixtures.SampleFixtures;
import io.aiops.schemas.memory.HostMemorySample;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroJsonLinesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSampleIsOneLineWithTheSchemasFieldNamesInOrder() throws Exception {
    String line = AvroJsonLines.line(SampleFixtures.webHost());

    assertFalse(line.contains("\n"));
    JsonNode json = JSON.readTree(line);
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    List<String> schemaNames =
        HostMemorySample.getClassSchema().getFields().stream().map(Schema.Field::name).toList();
    assertEquals(schemaNames, names);
    assertEquals("4f2a9c", json.get("host_id").asText());
    assertEquals(SampleFixtures.TIMESTAMP_MS, json.get("timestamp_ms").asLong());
    assertEquals(16 * SampleFixtures.GIB, json.get("mem_total_bytes").asLong());
  }

  @Test
  void unionsArePlainValuesNotAvrosTaggedEncoding() throws Exception {
    JsonNode json = JSON.readTree(AvroJsonLines.line(SampleFixtures.webHost()));
    JsonNode nginx = json.get("processes").get(0);
    JsonNode java = json.get("processes").get(1);

    assertTrue(nginx.get("pss_bytes").isNull());
    assertTrue(nginx.get("cgroup_path").isNull());
    assertTrue(java.get("pss_bytes").isIntegralNumber());
    assertEquals(2 * SampleFixtures.GIB + 512 * SampleFixtures.MIB, java.get("pss_bytes").asLong());
    assertEquals("/system.slice/checkout.service", java.get("cgroup_path").asText());
    assertTrue(json.get("memory_pressure").isObject(), "a record in a union is the record itself");
    assertEquals(1.5, json.get("memory_pressure").get("some_avg10_pct").asDouble());
    assertTrue(json.get("vmstat").isNull());
  }

  @Test
  void mapsAreObjectsAndArraysAreArrays() throws Exception {
    JsonNode json = JSON.readTree(AvroJsonLines.line(SampleFixtures.webHost()));

    assertEquals(16 * SampleFixtures.GIB, json.get("meminfo").get("MemTotal").asLong());
    assertEquals(0, json.get("meminfo").get("HugePages_Total").asLong());
    assertTrue(json.get("processes").isArray());
    assertEquals(2, json.get("processes").size());
    assertTrue(json.get("buddyinfo").isArray());
    assertEquals(0, json.get("buddyinfo").size());
  }

  @Test
  void anyRecordIsWrittenFromItsSchemaAlone() throws Exception {
    Schema schema =
        new Schema.Parser()
            .parse(
                """
                {"type": "record", "name": "Future", "fields": [
                  {"name": "added_later_bytes", "type": ["null", "long"], "default": null},
                  {"name": "either", "type": ["null", "string", "long"]},
                  {"name": "kind", "type": {"type": "enum", "name": "Kind", "symbols": ["ANON", "FILE"]}},
                  {"name": "ratio", "type": "double"},
                  {"name": "raw", "type": "bytes"},
                  {"name": "ok", "type": "boolean"}
                ]}""");
    GenericRecord record = new GenericData.Record(schema);
    record.put("added_later_bytes", 42L);
    record.put("either", 7L);
    record.put("kind", new GenericData.EnumSymbol(schema.getField("kind").schema(), "FILE"));
    record.put("ratio", Double.NaN);
    record.put("raw", ByteBuffer.wrap("hi".getBytes(StandardCharsets.UTF_8)));
    record.put("ok", true);

    assertEquals(
        "{\"added_later_bytes\":42,\"either\":7,\"kind\":\"FILE\",\"ratio\":null,\"raw\":\"aGk=\",\"ok\":true}",
        AvroJsonLines.line(record));
  }
}
