package io.aiops.schemas.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.memory.MemoryTrend;
import io.aiops.schemas.memory.OomKillEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema must stay backward compatible with the last released one: a consumer on the current
 * schema reads what producers on the released schema wrote. The released copies live in
 * src/test/resources/released/; copy the current files there when a version ships.
 */
class SchemaCompatibilityTest {
  private static final String RELEASED = "/released/v1/";
  private static final List<String> COMMON =
      List.of(
          "SeriesKind",
          "AnomalyType",
          "Severity",
          "ProcessMemory",
          "PressureStall",
          "CgroupMemory",
          "VmStatCounters");

  static List<Schema> currentSchemas() {
    return List.of(
        HostMemorySample.getClassSchema(),
        OomKillEvent.getClassSchema(),
        MemoryTrend.getClassSchema(),
        MemoryAnomaly.getClassSchema());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("currentSchemas")
  void currentSchemaReadsWhatTheReleasedOneWrote(Schema current) throws IOException {
    Schema released = released(current.getName());
    var result = SchemaCompatibility.checkReaderWriterCompatibility(current, released);
    assertEquals(
        SchemaCompatibilityType.COMPATIBLE,
        result.getType(),
        current.getName() + " is not backward compatible: " + result.getDescription());
  }

  private static Schema released(String name) throws IOException {
    Schema.Parser parser = new Schema.Parser();
    for (String common : COMMON) {
      parse(parser, RELEASED + "common/" + common + ".avsc");
    }
    return parse(parser, RELEASED + name + ".avsc");
  }

  private static Schema parse(Schema.Parser parser, String resource) throws IOException {
    try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing released schema " + resource);
      }
      return parser.parse(in);
    }
  }
}
