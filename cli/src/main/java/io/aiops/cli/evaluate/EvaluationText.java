package io.aiops.cli.evaluate;

import io.aiops.detection.eval.DetectorScore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The scores as a table a person compares at a glance, one row per detector. */
final class EvaluationText {
  private EvaluationText() {}

  static void print(
      List<DetectorScore> scores, int traces, long seed, boolean byKind, PrintWriter out) {
    out.printf(Locale.ROOT, "%d labeled traces, seed %d%n%n", traces, seed);
    out.printf(
        Locale.ROOT,
        "%-15s %8s %9s %7s %16s %16s %16s %s%n",
        "detector",
        "accuracy",
        "precision",
        "recall",
        "rate err p50/p90",
        "ETA err p50/p90",
        "delay h p50/p90",
        "tp/fp/fn/tn");
    for (DetectorScore s : scores) {
      out.printf(
          Locale.ROOT,
          "%-15s %8.3f %9.3f %7.3f %16s %16s %16s %d/%d/%d/%d%n",
          s.detector(),
          s.accuracy(),
          s.precision(),
          s.recall(),
          pair(percent(s.rateErrorQuantile(0.5)), percent(s.rateErrorQuantile(0.9))),
          pair(percent(s.etaErrorQuantile(0.5)), percent(s.etaErrorQuantile(0.9))),
          pair(hours(s.delayHoursQuantile(0.5)), hours(s.delayHoursQuantile(0.9))),
          s.truePositives(),
          s.falsePositives(),
          s.falseNegatives(),
          s.trueNegatives());
    }
    if (byKind) {
      out.println();
      out.printf(Locale.ROOT, "%-26s", "flagged, by kind");
      scores.forEach(s -> out.printf(Locale.ROOT, " %15s", s.detector()));
      out.println();
      scores
          .get(0)
          .byKind()
          .keySet()
          .forEach(
              kind -> {
                out.printf(Locale.ROOT, "  %-24s", kind);
                for (DetectorScore s : scores) {
                  int[] counts = s.byKind().get(kind);
                  out.printf(Locale.ROOT, " %15s", counts[1] + "/" + counts[0]);
                }
                out.println();
              });
      out.println();
      out.printf(Locale.ROOT, "%-26s", "by trace length");
      scores.forEach(s -> out.printf(Locale.ROOT, " %31s", s.detector() + " leaks / false alarms"));
      out.println();
      scores
          .get(0)
          .byLength()
          .keySet()
          .forEach(
              band -> {
                out.printf(Locale.ROOT, "  %-24s", band);
                for (DetectorScore s : scores) {
                  int[] c = s.byLength().get(band);
                  out.printf(
                      Locale.ROOT, " %31s", c[1] + "/" + c[0] + " found, " + c[3] + "/" + c[2]);
                }
                out.println();
              });
    }
    out.println();
    out.println(
        "Errors are relative (|estimate - truth| / truth) over the leaks each detector found;"
            + " the ETA error counts leaks whose true ETA is within the 30-day horizon.");
  }

  private static String pair(String a, String b) {
    return a + " / " + b;
  }

  private static String percent(double ratio) {
    return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * ratio);
  }

  private static String hours(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }
}
