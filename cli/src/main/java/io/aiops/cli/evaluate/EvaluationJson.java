package io.aiops.cli.evaluate;

import static io.aiops.cli.render.JsonLine.number;

import io.aiops.cli.render.JsonLine;
import io.aiops.detection.eval.DetectorScore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One detector's score as one JSON line: snake_case, ratios in 0..1, delays in hours; NaN (nothing
 * to measure, e.g. no leak found) is null.
 */
final class EvaluationJson {
  private EvaluationJson() {}

  static String of(DetectorScore s, int traces, long seed, boolean byKind) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("detector", s.detector());
    o.put("traces", traces);
    o.put("seed", seed);
    o.put("accuracy", s.accuracy());
    o.put("precision", s.precision());
    o.put("recall", s.recall());
    o.put("true_positives", s.truePositives());
    o.put("false_positives", s.falsePositives());
    o.put("false_negatives", s.falseNegatives());
    o.put("true_negatives", s.trueNegatives());
    o.put("rate_error_p50", number(s.rateErrorQuantile(0.5)));
    o.put("rate_error_p90", number(s.rateErrorQuantile(0.9)));
    o.put("eta_error_p50", number(s.etaErrorQuantile(0.5)));
    o.put("eta_error_p90", number(s.etaErrorQuantile(0.9)));
    o.put("leaks_with_true_eta", s.leaksWithTrueEta());
    o.put("delay_hours_p50", number(s.delayHoursQuantile(0.5)));
    o.put("delay_hours_p90", number(s.delayHoursQuantile(0.9)));
    if (byKind) {
      o.put("flagged_by_kind", counts(s.byKind(), "traces", "flagged"));
      o.put(
          "flagged_by_length",
          counts(s.byLength(), "leaks", "leaks_flagged", "others", "others_flagged"));
    }
    return JsonLine.of(o);
  }

  /** Each key's counts as an object, the i-th count under the i-th name. */
  private static Map<String, Object> counts(Map<String, int[]> byKey, String... names) {
    Map<String, Object> objects = new LinkedHashMap<>();
    byKey.forEach(
        (key, counts) -> {
          Map<String, Object> object = new LinkedHashMap<>();
          for (int i = 0; i < names.length; i++) {
            object.put(names[i], counts[i]);
          }
          objects.put(key, object);
        });
    return objects;
  }
}
