package io.aiops.cli.detect;

import io.aiops.cli.render.ByteSize;
import io.aiops.cli.render.DurationText;
import io.aiops.detection.LeakVerdict;
import io.aiops.detection.PointHistory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The report a person reads: series, window, method, verdict, trend, ETA and what to do next. */
final class LeakReportText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private LeakReportText() {}

  static String report(JudgedSeries result, HistorySource source) {
    MemorySeries s = result.series();
    LeakVerdict v = result.verdict();
    PointHistory h = result.history();
    StringBuilder out = new StringBuilder();
    out.append(s.name()).append('\n');
    line(
        out,
        "samples",
        s.size()
            + " from "
            + time(s.timestampsSec()[0] * 1000)
            + " to "
            + time(s.timestampsSec()[s.size() - 1] * 1000)
            + (s.rowsWithoutValue() > 0
                ? " (" + s.rowsWithoutValue() + " rows without a value skipped)"
                : ""));
    if (h.size() > 0) {
      line(
          out,
          "window judged",
          h.size()
              + " points of "
              + Duration.ofMillis(h.bucketMs()).toMinutes()
              + " min, "
              + time(h.timestampMsAt(0))
              + " to "
              + time(h.timestampMsAt(h.size() - 1)));
    }
    line(
        out,
        "method",
        "daily swing removed; Theil-Sen trend, Mann-Kendall test, half-window" + " consistency");
    line(
        out,
        "verdict",
        (v.leak() ? "LEAK" : "no leak")
            + " ("
            + v.classification()
            + "), confidence "
            + String.format(Locale.ROOT, "%.2f", v.confidence()));
    boolean noBucketYet = v.evidence().getOrDefault("points", 0.0) == 0;
    line(
        out,
        "trend",
        noBucketYet
            ? "not measured yet: no 30-minute bucket has closed"
            : ByteSize.format(v.trendBytes()) + " now, " + signed(v.growthBytesPerHour()) + "/h");
    if (v.onsetMs().isPresent()) {
      line(out, "growth since", time(v.onsetMs().getAsLong()));
    }
    if (s.limitBytes() > 0) {
      line(out, "limit", ByteSize.format(s.limitBytes()));
    }
    if (v.oomEtaSeconds().isPresent()) {
      Duration eta = Duration.ofSeconds(Math.round(v.oomEtaSeconds().getAsDouble()));
      long lastMs = s.timestampsSec()[s.size() - 1] * 1000;
      line(
          out,
          "OOM ETA",
          DurationText.format(eta)
              + " after the last sample, around "
              + time(lastMs + eta.toMillis())
              + range(v)
              + (v.oomEta().accelerating() ? ", the growth accelerating" : ""));
    } else {
      line(out, "OOM ETA", s.limitBytes() > 0 ? "none within 30 days" : "no limit_bytes column");
    }
    line(out, "next", nextStep(v, s.limitBytes() > 0, source));
    return out.toString();
  }

  /** The 95 % range of the ETA: "(between 2d 4h and 3d 1h)", open-ended past the horizon. */
  private static String range(LeakVerdict v) {
    var earliest = v.oomEta().earliestSeconds();
    var latest = v.oomEta().latestSeconds();
    if (earliest.isEmpty()) {
      return "";
    }
    String from = DurationText.format(Duration.ofSeconds(Math.round(earliest.getAsDouble())));
    if (latest.isEmpty()) {
      return " (" + from + " at the earliest; the slowest plausible rate never reaches it)";
    }
    String to = DurationText.format(Duration.ofSeconds(Math.round(latest.getAsDouble())));
    // A steady leak's slope is known so well that both ends print alike: say nothing then.
    return from.equals(to) ? "" : " (between " + from + " and " + to + ")";
  }

  private static String nextStep(LeakVerdict v, boolean hasLimit, HistorySource source) {
    return switch (v.classification()) {
      case LeakVerdict.LINEAR_LEAK, LeakVerdict.ACCELERATING_LEAK ->
          "take a heap or allocation profile now and compare one a few"
              + " hours later; plan a restart before the ETA"
              + (hasLimit ? "" : "; export limit_bytes for an ETA against the cgroup limit");
      case LeakVerdict.INSUFFICIENT_HISTORY -> source.moreHistoryAdvice();
      case LeakVerdict.RECENT_GROWTH ->
          "growth began recently; check again once it has lasted a"
              + " day, and look at what changed at its start";
      case LeakVerdict.WARM_UP ->
          "growth levelled off (caches filling); no action unless it" + " resumes";
      case LeakVerdict.STEP -> "a one-off jump: correlate with deploys or config changes";
      case LeakVerdict.WANDER ->
          "memory drifts up and down rather than climbing day after day; no leak to chase,"
              + " but size the limit for the highest it wanders to";
      default -> "nothing to do";
    };
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "  %-14s %s%n", label, value));
  }

  private static String signed(double bytesPerHour) {
    return (bytesPerHour >= 0 ? "+" : "") + ByteSize.format(bytesPerHour);
  }

  private static String time(long epochMs) {
    return TIME.format(Instant.ofEpochMilli(epochMs));
  }
}
