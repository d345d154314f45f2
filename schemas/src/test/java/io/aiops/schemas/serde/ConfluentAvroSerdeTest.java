package io.aiops.schemas.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.ProcessMemory;
import io.aiops.schemas.registry.SchemaRegistryClient;
import io.aiops.schemas.registry.SchemaRegistryException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ConfluentAvroSerdeTest {
  private static final String TOPIC = "memory.samples.v1";

  /** Registers in memory and remembers the subjects it was asked for. */
  private static final class RecordingRegistry implements SchemaRegistryClient {
    final Map<String, Integer> subjects = new HashMap<>();
    final Map<Integer, Schema> byId = new HashMap<>();

    @Override
    public int register(String subject, Schema schema) {
      int id = 40 + byId.size();
      byId.put(id, schema);
      subjects.put(subject, id);
      return id;
    }

    @Override
    public Schema schemaById(int id) {
      Schema schema = byId.get(id);
      if (schema == null) {
        throw new SchemaRegistryException("no schema " + id);
      }
      return schema;
    }
  }

  private final RecordingRegistry registry = new RecordingRegistry();
  private final AvroSerde<HostMemorySample> serde =
      new AvroSerde<>(registry, HostMemorySample.getClassSchema());

  private static HostMemorySample sample() {
    return HostMemorySample.newBuilder()
        .setHostId("host-1")
        .setBootId("boot-1")
        .setTimestampMs(1_767_225_600_000L)
        .setMemTotalBytes(16L << 30)
        .setMemFreeBytes(1L << 30)
        .setMemAvailableBytes(8L << 30)
        .setSwapTotalBytes(0)
        .setSwapFreeBytes(0)
        .setProcesses(
            List.of(
                ProcessMemory.newBuilder()
                    .setPid(42)
                    .setStartTimeTicks(1234)
                    .setComm("java")
                    .setRssBytes(1L << 29)
                    .build()))
        .build();
  }

  @Test
  void writesMagicByteAndSchemaIdRegisteredUnderTopicValue() {
    byte[] bytes = serde.serializer().serialize(TOPIC, sample());
    assertEquals(0, bytes[0]);
    int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
    assertEquals(registry.subjects.get("memory.samples.v1-value"), id);
    assertEquals(sample(), serde.deserializer().deserialize(TOPIC, bytes));
  }

  @Test
  void rejectsBytesWithoutTheWireFormatHeader() {
    WireFormatException e =
        assertThrows(
            WireFormatException.class,
            () -> serde.deserializer().deserialize(TOPIC, new byte[] {1, 0, 0, 0, 1, 2}));
    assertTrue(e.getMessage().contains("magic byte"), e.getMessage());
    assertThrows(
        WireFormatException.class, () -> serde.deserializer().deserialize(TOPIC, new byte[] {0}));
  }

  @Test
  void rejectsUnknownSchemaIdAndTruncatedBody() {
    byte[] bytes = serde.serializer().serialize(TOPIC, sample());
    byte[] unknownId = bytes.clone();
    unknownId[4] = 99;
    assertThrows(
        WireFormatException.class, () -> serde.deserializer().deserialize(TOPIC, unknownId));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
    assertThrows(
        WireFormatException.class, () -> serde.deserializer().deserialize(TOPIC, truncated));
  }

  @Test
  void readsRecordsWrittenWithAnOlderSchemaUsingTheWritersSchema() {
    Schema older =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"HostMemorySample\","
                    + "\"namespace\":\"io.aiops.schemas.memory\",\"fields\":["
                    + "{\"name\":\"host_id\",\"type\":\"string\"},"
                    + "{\"name\":\"boot_id\",\"type\":\"string\"},"
                    + "{\"name\":\"timestamp_ms\",\"type\":\"long\"},"
                    + "{\"name\":\"mem_total_bytes\",\"type\":\"long\"},"
                    + "{\"name\":\"mem_free_bytes\",\"type\":\"long\"},"
                    + "{\"name\":\"mem_available_bytes\",\"type\":\"long\"},"
                    + "{\"name\":\"swap_total_bytes\",\"type\":\"long\"},"
                    + "{\"name\":\"swap_free_bytes\",\"type\":\"long\"}]}");
    org.apache.avro.generic.GenericData.Record old =
        new org.apache.avro.generic.GenericData.Record(older);
    old.put("host_id", "legacy");
    old.put("boot_id", "b");
    old.put("timestamp_ms", 1L);
    old.put("mem_total_bytes", 2L);
    old.put("mem_free_bytes", 3L);
    old.put("mem_available_bytes", 4L);
    old.put("swap_total_bytes", 5L);
    old.put("swap_free_bytes", 6L);
    byte[] bytes = new GenericWriter(registry, older).write(TOPIC, old);

    HostMemorySample read = serde.deserializer().deserialize(TOPIC, bytes);
    assertEquals("legacy", read.getHostId());
    assertEquals(4L, read.getMemAvailableBytes());
    assertTrue(read.getProcesses().isEmpty(), "new field takes its default");
    assertNull(read.getMemoryPressure());
  }

  @Test
  void passesNullThroughAsATombstone() {
    assertNull(serde.serializer().serialize(TOPIC, null));
    assertNull(serde.deserializer().deserialize(TOPIC, null));
    assertArrayEquals(new byte[] {0, 0, 0, 0, 7}, header(7));
  }

  private static byte[] header(int id) {
    byte[] bytes = new byte[5];
    ConfluentWireFormat.writeHeader(bytes, id);
    return bytes;
  }

  /** Writes a generic record in the wire format, as a producer on an older schema would. */
  private record GenericWriter(SchemaRegistryClient registry, Schema schema) {
    byte[] write(String topic, org.apache.avro.generic.GenericRecord record) {
      try {
        var out = new java.io.ByteArrayOutputStream();
        out.write(header(registry.register(topic + "-value", schema)));
        var encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
        new org.apache.avro.generic.GenericDatumWriter<org.apache.avro.generic.GenericRecord>(
                schema)
            .write(record, encoder);
        encoder.flush();
        return out.toByteArray();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
