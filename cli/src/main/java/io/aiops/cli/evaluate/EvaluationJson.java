package io.aiops.cli.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiops.detection.eval.DetectorScore;

/** One detector's score as one JSON line: snake_case, ratios in 0..1, delays in hours. */
final class EvaluationJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EvaluationJson() {}

  static String of(DetectorScore s, int traces, long seed, boolean byKind) {
    ObjectNode node = JSON.createObjectNode();
    node.put("detector", s.detector());
    node.put("traces", traces);
    node.put("seed", seed);
    node.put("accuracy", s.accuracy());
    node.put("precision", s.precision());
    node.put("recall", s.recall());
    node.put("true_positives", s.truePositives());
    node.put("false_positives", s.falsePositives());
    node.put("false_negatives", s.falseNegatives());
    node.put("true_negatives", s.trueNegatives());
    putRatio(node, "rate_error_p50", s.rateErrorQuantile(0.5));
    putRatio(node, "rate_error_p90", s.rateErrorQuantile(0.9));
    putRatio(node, "eta_error_p50", s.etaErrorQuantile(0.5));
    putRatio(node, "eta_error_p90", s.etaErrorQuantile(0.9));
    node.put("leaks_with_true_eta", s.leaksWithTrueEta());
    putRatio(node, "delay_hours_p50", s.delayHoursQuantile(0.5));
    putRatio(node, "delay_hours_p90", s.delayHoursQuantile(0.9));
    if (byKind) {
      ObjectNode kinds = node.putObject("flagged_by_kind");
      s.byKind()
          .forEach(
              (kind, counts) -> {
                ObjectNode k = kinds.putObject(kind);
                k.put("traces", counts[0]);
                k.put("flagged", counts[1]);
              });
    }
    return node.toString();
  }

  /** NaN (nothing to measure, e.g. no leak found) is null, not a number JSON cannot hold. */
  private static void putRatio(ObjectNode node, String field, double value) {
    if (Double.isNaN(value)) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
