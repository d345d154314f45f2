package io.aiops.cli.detect;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiops.detection.anomaly.PointScore;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** The DESIGN.md JSON line of {@code aiops detect anomalies}: one per anomalous point. */
final class AnomalyReportJson {
  // Plain numbers: a byte count reads 1843200000, not 1.8432E9.
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private AnomalyReportJson() {}

  static String line(String input, PointScore point) {
    ObjectNode node = JSON.createObjectNode();
    node.put("input", input);
    node.put("timestamp", epochSeconds(point.timestampMs()));
    node.put("score", decimal(point.score(), 4));
    node.put("kind", point.kind().label());
    node.put("value", decimal(point.value(), 3));
    if (Double.isNaN(point.expected())) {
      node.putNull("expected");
    } else {
      node.put("expected", decimal(point.expected(), 3));
    }
    if (point.onsetMs().isPresent()) {
      node.put("onset_timestamp", epochSeconds(point.onsetMs().getAsLong()));
    } else {
      node.putNull("onset_timestamp");
    }
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  /** A point's time is the mean of its samples' times: rounded to the second, as the input. */
  static long epochSeconds(long epochMs) {
    return Math.floorDiv(epochMs + 500, 1000);
  }

  private static BigDecimal decimal(double value, int digits) {
    return BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_EVEN).stripTrailingZeros();
  }
}
