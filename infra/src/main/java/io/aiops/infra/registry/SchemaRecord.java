package io.aiops.infra.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * One registration as kept on `_schemas`, in the key and value layout of Confluent Schema Registry,
 * so that its tools can read the topic.
 */
record SchemaRecord(String subject, int version, int id, String schema, boolean deleted) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA_KEY_TYPE = "SCHEMA";

  String keyJson() {
    ObjectNode key = JSON.createObjectNode();
    key.put("keytype", SCHEMA_KEY_TYPE);
    key.put("subject", subject);
    key.put("version", version);
    key.put("magic", 1);
    return key.toString();
  }

  String valueJson() {
    ObjectNode value = JSON.createObjectNode();
    value.put("subject", subject);
    value.put("version", version);
    value.put("id", id);
    value.put("schema", schema);
    value.put("deleted", deleted);
    return value.toString();
  }

  /**
   * The registration in a record of `_schemas`; empty for the other key types Confluent writes
   * there (CONFIG, NOOP, DELETE_SUBJECT) and for tombstones.
   */
  static Optional<SchemaRecord> parse(String keyJson, String valueJson) throws IOException {
    if (keyJson == null || valueJson == null) {
      return Optional.empty();
    }
    JsonNode key = JSON.readTree(keyJson);
    if (!SCHEMA_KEY_TYPE.equals(key.path("keytype").asText())) {
      return Optional.empty();
    }
    JsonNode value = JSON.readTree(valueJson);
    if (!value.hasNonNull("schema") || !value.has("id") || !value.has("version")) {
      return Optional.empty();
    }
    return Optional.of(
        new SchemaRecord(
            value.path("subject").asText(key.path("subject").asText()),
            value.path("version").asInt(),
            value.path("id").asInt(),
            value.path("schema").asText(),
            value.path("deleted").asBoolean(false)));
  }
}
