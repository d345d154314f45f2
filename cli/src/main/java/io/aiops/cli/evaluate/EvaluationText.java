package io.aiops.cli.evaluate;

import io.aiops.detection.eval.DetectorScore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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
      table(
          out,
          scores,
          "flagged, by kind",
          15,
          s -> s.detector(),
          DetectorScore::byKind,
          c -> c[1] + "/" + c[0]);
      table(
          out,
          scores,
          "by trace length",
          31,
          s -> s.detector() + " leaks / false alarms",
          DetectorScore::byLength,
          c -> c[1] + "/" + c[0] + " found, " + c[3] + "/" + c[2]);
    }
    out.println();
    out.println(
        "Errors are relative (|estimate - truth| / truth) over the leaks each detector found;"
            + " the ETA error counts leaks whose true ETA is within the 30-day horizon.");
  }

  /** A blank line, then one row per key of the first detector's counts, one column per detector. */
  private static void table(
      PrintWriter out,
      List<DetectorScore> scores,
      String title,
      int columnWidth,
      Function<DetectorScore, String> heading,
      Function<DetectorScore, Map<String, int[]>> rows,
      Function<int[], String> cell) {
    String column = " %" + columnWidth + "s";
    out.println();
    out.printf(Locale.ROOT, "%-26s", title);
    scores.forEach(s -> out.printf(Locale.ROOT, column, heading.apply(s)));
    out.println();
    for (String row : rows.apply(scores.get(0)).keySet()) {
      out.printf(Locale.ROOT, "  %-24s", row);
      for (DetectorScore s : scores) {
        out.printf(Locale.ROOT, column, cell.apply(rows.apply(s).get(row)));
      }
      out.println();
    }
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
