package io.aiops.sinks.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The parameters of a query string, with validation that names the bad parameter. */
final class QueryParameters {
  private final Map<String, String> values;

  private QueryParameters(Map<String, String> values) {
    this.values = values;
  }

  /** Parses a raw (still percent-encoded) query string; null means no parameters. */
  static QueryParameters parse(String rawQuery) {
    Map<String, String> values = new HashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        values.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return new QueryParameters(values);
  }

  String requiredText(String name) {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  long requiredLong(String name) {
    String value = values.get(name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " is required (epoch milliseconds)");
    }
    return parseLong(name, value);
  }

  long optionalLong(String name, long fallback, long min, long max) {
    String value = values.get(name);
    return value == null ? fallback : longBetween(name, value, min, max);
  }

  long requiredLong(String name, long min, long max) {
    return longBetween(name, requiredText(name), min, max);
  }

  private static long longBetween(String name, String value, long min, long max) {
    long number = parseLong(name, value);
    if (number < min || number > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", was " + number);
    }
    return number;
  }

  private static long parseLong(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, was '" + value + "'");
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
