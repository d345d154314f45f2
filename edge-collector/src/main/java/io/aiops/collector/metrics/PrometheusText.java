package io.aiops.collector.metrics;

import java.util.Map;

/**
 * Writes the Prometheus text exposition format 0.0.4: a HELP and a TYPE line before each metric's
 * samples, one {@code name{label="value"} number} line per sample, label values escaped.
 */
final class PrometheusText {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final StringBuilder text = new StringBuilder(4096);

  PrometheusText metric(String name, String type, String help) {
    text.append("# HELP ")
        .append(name)
        .append(' ')
        .append(help.replace("\\", "\\\\").replace("\n", "\\n"))
        .append('\n');
    text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  PrometheusText sample(String name, long value) {
    text.append(name).append(' ').append(value).append('\n');
    return this;
  }

  PrometheusText sample(String name, double value) {
    text.append(name).append(' ').append(number(value)).append('\n');
    return this;
  }

  PrometheusText sample(String name, Map<String, String> labels, long value) {
    text.append(name).append('{');
    String separator = "";
    for (Map.Entry<String, String> label : labels.entrySet()) {
      text.append(separator)
          .append(label.getKey())
          .append("=\"")
          .append(escape(label.getValue()))
          .append('"');
      separator = ",";
    }
    text.append("} ").append(value).append('\n');
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    return Double.toString(value);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
