package io.aiops.sinks.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * Renders an Avro record (a MemoryAnomaly, a MemoryTrend) as JSON with the Avro field names
 * (snake_case), enums as strings, nulls kept; one way used by the HTTP API and the CLI. Generic
 * over the schema's fields so new fields appear automatically.
 */
public final class RecordJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RecordJson() {}

  /** The record as a JSON object, one member per Avro field in schema order. */
  public static ObjectNode toJson(IndexedRecord record) {
    return record(record);
  }

  /** The record as one line of JSON (JSON Lines), without a trailing newline. */
  public static String toJsonLine(IndexedRecord record) {
    try {
      return MAPPER.writeValueAsString(toJson(record));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // A tree of plain nodes always serialises; this would be a Jackson bug.
      throw new IllegalStateException("cannot render " + record.getSchema().getName(), e);
    }
  }

  private static ObjectNode record(IndexedRecord record) {
    ObjectNode node = NODES.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      node.set(field.name(), value(record.get(field.pos())));
    }
    return node;
  }

  private static JsonNode value(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof IndexedRecord nested) {
      return record(nested);
    }
    if (value instanceof Enum<?> || value instanceof GenericEnumSymbol<?>) {
      return NODES.textNode(value.toString());
    }
    if (value instanceof CharSequence text) {
      return NODES.textNode(text.toString());
    }
    if (value instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    if (value instanceof Integer number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Float || value instanceof Double) {
      double number = ((Number) value).doubleValue();
      // JSON has no NaN or Infinity; a figure that is not finite is as good as absent.
      return Double.isFinite(number) ? NODES.numberNode(number) : NODES.nullNode();
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode node = NODES.objectNode();
      // Sorted keys: the same record always renders to the same text.
      sortedByKey(map).forEach((k, v) -> node.set(k, value(v)));
      return node;
    }
    if (value instanceof Collection<?> items) {
      ArrayNode array = NODES.arrayNode();
      items.forEach(item -> array.add(value(item)));
      return array;
    }
    if (value instanceof ByteBuffer bytes) {
      return NODES.textNode(Base64.getEncoder().encodeToString(toArray(bytes)));
    }
    return NODES.textNode(value.toString());
  }

  private static Map<String, Object> sortedByKey(Map<?, ?> map) {
    Map<String, Object> keyed = new TreeMap<>();
    map.forEach((k, v) -> keyed.put(String.valueOf(k), v));
    return keyed;
  }

  private static byte[] toArray(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
