package io.aiops.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** One JSON object on one line, from an ordered map of snake_case fields; unknown numbers null. */
public final class JsonLine {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLine() {}

  public static String of(Map<String, ?> fields) {
    try {
      return JSON.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of strings, numbers and lists always serialise", e);
    }
  }

  /** The number, or null for NaN (unknown): JSON has no NaN. */
  public static Double number(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
  }

  public static Double number(OptionalDouble value) {
    return value.isPresent() ? number(value.getAsDouble()) : null;
  }

  public static Long number(OptionalLong value) {
    return value.isPresent() ? value.getAsLong() : null;
  }
}
