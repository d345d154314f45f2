package io.aiops.cli.detect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiops.detection.LeakVerdict;
import java.util.OptionalDouble;

/** The DESIGN.md JSON line of {@code aiops detect memory-leak --format json}. */
final class LeakReportJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LeakReportJson() {}

  static String line(JudgedSeries result) {
    LeakVerdict v = result.verdict();
    ObjectNode node = JSON.createObjectNode();
    node.put("input", result.series().name());
    node.put("leak", v.leak());
    node.put("classification", v.classification());
    node.put("confidence", round(v.confidence(), 4));
    node.put("growth_bytes_per_hour", round(v.growthBytesPerHour(), 1));
    putSeconds(node, "oom_eta_seconds", v.oomEta().seconds());
    putSeconds(node, "oom_eta_earliest_seconds", v.oomEta().earliestSeconds());
    putSeconds(node, "oom_eta_latest_seconds", v.oomEta().latestSeconds());
    if (v.onsetMs().isPresent()) {
      node.put("onset_timestamp", v.onsetMs().getAsLong() / 1000);
    } else {
      node.putNull("onset_timestamp");
    }
    node.put("trend_bytes", Math.round(v.trendBytes()));
    node.put("limit_bytes", result.series().limitBytes() > 0 ? result.series().limitBytes() : null);
    node.put("samples", result.series().size());
    node.put("rows_without_value", result.series().rowsWithoutValue());
    ObjectNode evidence = node.putObject("evidence");
    v.evidence()
        .forEach(
            (name, value) -> {
              if (Double.isFinite(value)) {
                evidence.put(name, round(value, 6));
              } else {
                evidence.putNull(name);
              }
            });
    return node.toString();
  }

  private static void putSeconds(ObjectNode node, String field, OptionalDouble seconds) {
    if (seconds.isPresent()) {
      node.put(field, Math.round(seconds.getAsDouble()));
    } else {
      node.putNull(field);
    }
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }
}
