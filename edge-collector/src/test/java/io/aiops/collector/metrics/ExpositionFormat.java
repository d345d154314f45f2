package io.aiops.collector.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks text against the Prometheus exposition format 0.0.4 and returns its samples keyed by
 * {@code name{labels}} as printed: every sample line is {@code name{labels} value}, each metric
 * family has one TYPE line before its samples, and a family's samples are not interleaved.
 */
public final class ExpositionFormat {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
  private static final Pattern SAMPLE =
      Pattern.compile(
          "(" + NAME + ")(\\{(?:" + LABEL + "(?:," + LABEL + ")*)?\\})? (\\S+)(?: -?\\d+)?");
  private static final Pattern TYPE =
      Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|summary|histogram|untyped)");
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?|NaN|[+-]Inf");

  private ExpositionFormat() {}

  public static Map<String, Double> parse(String text) {
    assertTrue(text.endsWith("\n"), "the last line ends with a newline");
    Map<String, String> types = new HashMap<>();
    Set<String> helped = new HashSet<>();
    Set<String> finished = new HashSet<>();
    String current = null;
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      Matcher type = TYPE.matcher(line);
      Matcher help = HELP.matcher(line);
      if (type.matches()) {
        assertFalse(types.containsKey(type.group(1)), "one TYPE line for " + type.group(1));
        types.put(type.group(1), type.group(2));
      } else if (help.matches()) {
        assertTrue(helped.add(help.group(1)), "one HELP line for " + help.group(1));
      } else if (line.startsWith("#")) {
        continue;
      } else {
        Matcher sample = SAMPLE.matcher(line);
        if (!sample.matches()) {
          fail("not a sample line: '" + line + "'");
        }
        String family = family(sample.group(1), types);
        assertNotNull(family, "TYPE before the samples of " + sample.group(1));
        if (!family.equals(current)) {
          assertTrue(finished.add(family), "samples of " + family + " are not interleaved");
          current = family;
        }
        assertTrue(NUMBER.matcher(sample.group(3)).matches(), "a number: " + line);
        String key = sample.group(1) + (sample.group(2) == null ? "" : sample.group(2));
        assertFalse(samples.containsKey(key), "one sample per series: " + key);
        samples.put(key, Double.parseDouble(sample.group(3).replace("Inf", "Infinity")));
      }
    }
    return samples;
  }

  private static String family(String name, Map<String, String> types) {
    if (types.containsKey(name)) {
      return name;
    }
    for (String suffix : new String[] {"_sum", "_count", "_bucket"}) {
      if (name.endsWith(suffix)) {
        String base = name.substring(0, name.length() - suffix.length());
        String type = types.get(base);
        if ("summary".equals(type) || "histogram".equals(type)) {
          return base;
        }
      }
    }
    return null;
  }

  /** A sample's value, failing when the series is missing. */
  public static double value(Map<String, Double> samples, String series) {
    Double value = samples.get(series);
    assertNotNull(value, series + " in " + samples.keySet());
    return value;
  }

  static void assertSeries(Map<String, Double> samples, String series, double expected) {
    assertEquals(expected, value(samples, series), series);
  }
}
