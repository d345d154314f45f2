package io.aiops.sinks.json;

import static io.aiops.sinks.AnomalyFixtures.MONDAY_10_00;
import static io.aiops.sinks.AnomalyFixtures.leakOnWeb01;
import static io.aiops.sinks.AnomalyFixtures.swapStormOnDb02;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiops.schemas.memory.MemoryAnomaly;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class RecordJsonTest {

  @Test
  void namesEveryMemberAfterItsAvroFieldInSchemaOrder() {
    ObjectNode json = RecordJson.toJson(leakOnWeb01("a-1", MONDAY_10_00));

    List<String> expected = new ArrayList<>();
    for (Schema.Field field : MemoryAnomaly.getClassSchema().getFields()) {
      expected.add(field.name());
    }
    List<String> actual = new ArrayList<>();
    json.fieldNames().forEachRemaining(actual::add);
    assertEquals(expected, actual);
    assertTrue(actual.contains("detected_at_ms"));
    assertFalse(actual.contains("detectedAtMs"));
  }

  @Test
  void rendersValuesWithTheirJsonTypes() {
    ObjectNode json = RecordJson.toJson(leakOnWeb01("a-1", MONDAY_10_00));

    assertEquals("a-1", json.get("anomaly_id").asText());
    assertEquals(MONDAY_10_00, json.get("detected_at_ms").longValue());
    assertTrue(json.get("detected_at_ms").isIntegralNumber());
    assertEquals(4242, json.get("pid").intValue());
    assertEquals(0.93, json.get("confidence").doubleValue());
    assertEquals(2_147_483_648L, json.get("limit_bytes").longValue());
  }

  @Test
  void writesEnumsAsTheirSymbolNames() {
    ObjectNode json = RecordJson.toJson(swapStormOnDb02("a-2", MONDAY_10_00));

    assertEquals("SWAP_STORM", json.get("anomaly_type").textValue());
    assertEquals("CRITICAL", json.get("severity").textValue());
    assertEquals("HOST", json.get("series_kind").textValue());
  }

  @Test
  void keepsNullFieldsAsExplicitNulls() {
    ObjectNode json = RecordJson.toJson(swapStormOnDb02("a-2", MONDAY_10_00));

    for (String nullable : List.of("pid", "onset_ms", "limit_bytes", "oom_eta_seconds")) {
      assertTrue(json.has(nullable), nullable + " missing");
      assertTrue(json.get(nullable).isNull(), nullable + " not null");
    }
  }

  @Test
  void rendersEvidenceAsAnObjectOfStrings() {
    ObjectNode json = RecordJson.toJson(leakOnWeb01("a-1", MONDAY_10_00));

    JsonNode evidence = json.get("evidence");
    assertTrue(evidence.isObject());
    assertEquals("0.98", evidence.get("slope_r2").textValue());
    assertEquals("6h", evidence.get("window").textValue());
    assertEquals(2, evidence.size());
    assertEquals(0, RecordJson.toJson(swapStormOnDb02("a-2", MONDAY_10_00)).get("evidence").size());
  }

  @Test
  void rendersNonFiniteFiguresAsNullBecauseJsonHasNoNaN() throws Exception {
    MemoryAnomaly anomaly = leakOnWeb01("a-1", MONDAY_10_00);
    anomaly.setOomEtaSeconds(Double.POSITIVE_INFINITY);
    anomaly.setGrowthBytesPerHour(Double.NaN);

    JsonNode parsed = new ObjectMapper().readTree(RecordJson.toJsonLine(anomaly));

    assertTrue(parsed.get("oom_eta_seconds").isNull());
    assertTrue(parsed.get("growth_bytes_per_hour").isNull());
  }

  @Test
  void writesOneLineThatParsesBackToTheSameTree() throws Exception {
    MemoryAnomaly anomaly = leakOnWeb01("a-1", MONDAY_10_00);

    String line = RecordJson.toJsonLine(anomaly);

    assertFalse(line.contains("\n"));
    ObjectMapper mapper = new ObjectMapper();
    assertEquals(mapper.readTree(RecordJson.toJson(anomaly).toString()), mapper.readTree(line));
    assertEquals("a-1", mapper.readTree(line).get("anomaly_id").textValue());
  }
}
