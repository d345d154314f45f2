package io.aiops.collector.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Any Avro record as one line of plain JSON, driven by its schema so new fields appear without code
 * changes: field names as in the schema, a union as its value (null or the value itself, not Avro's
 * {@code {"long": 5}} encoding), maps as objects, arrays as arrays, enums as their symbol, bytes as
 * base64. A non-finite double is written as null, since JSON has no NaN.
 */
public final class AvroJsonLines {
  private static final JsonFactory JSON = new JsonFactory();

  private AvroJsonLines() {}

  public static String line(IndexedRecord record) {
    StringWriter text = new StringWriter(4096);
    try (JsonGenerator json = JSON.createGenerator(text)) {
      write(json, record.getSchema(), record);
    } catch (IOException e) {
      // A StringWriter does not fail; the generator declares IOException for other targets.
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static void write(JsonGenerator json, Schema schema, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
      return;
    }
    switch (schema.getType()) {
      case RECORD -> {
        IndexedRecord record = (IndexedRecord) value;
        json.writeStartObject();
        for (Schema.Field field : schema.getFields()) {
          json.writeFieldName(field.name());
          write(json, field.schema(), record.get(field.pos()));
        }
        json.writeEndObject();
      }
      case UNION ->
          write(json, schema.getTypes().get(GenericData.get().resolveUnion(schema, value)), value);
      case ARRAY -> {
        json.writeStartArray();
        for (Object item : (Collection<?>) value) {
          write(json, schema.getElementType(), item);
        }
        json.writeEndArray();
      }
      case MAP -> {
        json.writeStartObject();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          json.writeFieldName(entry.getKey().toString());
          write(json, schema.getValueType(), entry.getValue());
        }
        json.writeEndObject();
      }
      case INT, LONG -> writeNumber(json, value);
      case FLOAT, DOUBLE -> writeFloating(json, ((Number) value).doubleValue());
      case BOOLEAN -> json.writeBoolean((Boolean) value);
      case BYTES -> json.writeString(base64(((ByteBuffer) value).duplicate()));
      case FIXED ->
          json.writeString(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
      case NULL -> json.writeNull();
      // STRING (String or Utf8) and ENUM (a generated enum or GenericEnumSymbol) print as text.
      default -> json.writeString(value.toString());
    }
  }

  private static void writeNumber(JsonGenerator json, Object value) throws IOException {
    if (value instanceof Number number) {
      json.writeNumber(number.longValue());
    } else {
      // A logical type (e.g. timestamp-millis as an Instant) whose conversion the schema asked for.
      json.writeString(value.toString());
    }
  }

  private static void writeFloating(JsonGenerator json, double value) throws IOException {
    if (Double.isFinite(value)) {
      json.writeNumber(value);
    } else {
      json.writeNull();
    }
  }

  private static String base64(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
