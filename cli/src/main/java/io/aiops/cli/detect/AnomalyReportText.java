package io.aiops.cli.detect;

import io.aiops.detection.anomaly.AnomalyKind;
import io.aiops.detection.anomaly.AnomalyScorerSettings;
import io.aiops.detection.anomaly.PointScore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** The report a person reads: how the series was judged, a table of anomalies, a summary line. */
final class AnomalyReportText {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final String ROW = "  %-20s  %16s  %16s  %5s  %-11s  %s";

  private AnomalyReportText() {}

  static String report(JudgedSeries result) {
    MemorySeries series = result.series();
    AnomalyScorerSettings settings = result.anomalySettings();
    StringBuilder out = new StringBuilder();
    out.append(series.name()).append('\n');
    long firstMs = series.timestampsSec()[0] * 1000;
    out.append(
        String.format(
            Locale.ROOT,
            "  %d samples from %s to %s, scored as %d points of %s%n",
            series.size(),
            time(firstMs),
            time(series.timestampsSec()[series.size() - 1] * 1000),
            result.pointsScored(),
            minutes(settings.bucketMs())));
    out.append("  judged by   ").append(method(settings, firstMs)).append('\n');
    if (!result.anomalies().isEmpty()) {
      out.append(
          String.format(
                  Locale.ROOT, ROW, "time (UTC)", "value", "expected", "score", "kind", "since")
              + '\n');
      for (PointScore point : result.anomalies()) {
        // Whole values (bytes) get a whole forecast: its decimals would be noise to a reader.
        int digits = point.value() == Math.rint(point.value()) ? 0 : 3;
        String row =
            String.format(
                Locale.ROOT,
                ROW,
                time(point.timestampMs()),
                number(point.value(), digits),
                Double.isNaN(point.expected()) ? "-" : number(point.expected(), digits),
                // Rounded down, so 0.9995 does not read as a certain 1.000.
                String.format(Locale.ROOT, "%.3f", Math.floor(point.score() * 1000) / 1000),
                point.kind().label(),
                point.onsetMs().isPresent() ? time(point.onsetMs().getAsLong()) : "");
        out.append(row.stripTrailing()).append('\n');
      }
    }
    out.append("  ").append(summary(result));
    return out.toString();
  }

  /** {@code file: N points, M anomalies (2 spike, 1 level_shift)}. */
  static String summary(JudgedSeries result) {
    Map<AnomalyKind, Integer> kinds = new EnumMap<>(AnomalyKind.class);
    result.anomalies().forEach(point -> kinds.merge(point.kind(), 1, Integer::sum));
    StringJoiner byKind = new StringJoiner(", ", " (", ")");
    byKind.setEmptyValue("");
    kinds.forEach((kind, count) -> byKind.add(count + " " + kind.label()));
    int anomalies = result.anomalies().size();
    return result.series().name()
        + ": "
        + result.pointsScored()
        + " points, "
        + anomalies
        + (anomalies == 1 ? " anomaly" : " anomalies")
        + byKind;
  }

  private static String method(AnomalyScorerSettings settings, long firstMs) {
    if (!settings.seasonal()) {
      return "the recent level (samples sparser than hourly: no daily pattern), CUSUM for shifts";
    }
    long stlFromMs = firstMs + settings.warmUpPeriods() * Duration.ofDays(1).toMillis();
    return "online STL over a day of "
        + settings.periodPoints()
        + " points from "
        + time(stlFromMs)
        + " (before: the recent level on the first day, then that day's profile), CUSUM for"
        + " shifts and growth";
  }

  private static String minutes(long bucketMs) {
    return Duration.ofMillis(bucketMs).toMinutes() + " min";
  }

  private static String number(double value, int digits) {
    return BigDecimal.valueOf(value)
        .setScale(digits, RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String time(long epochMs) {
    return ISO.format(Instant.ofEpochMilli(AnomalyReportJson.epochSeconds(epochMs) * 1000));
  }
}
