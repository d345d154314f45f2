package io.aiops.cli.render;

import io.aiops.schemas.memory.MemoryAnomaly;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One line per anomaly for a person watching a terminal. */
public final class AnomalyText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  private AnomalyText() {}

  public static String describe(MemoryAnomaly a) {
    StringBuilder line = new StringBuilder();
    line.append('[').append(a.getSeverity()).append("] ").append(a.getAnomalyType());
    line.append(' ').append(a.getHostId()).append(' ').append(a.getComm());
    if (a.getPid() != null) {
      line.append(" (pid ").append(a.getPid()).append(')');
    }
    line.append(" service=").append(a.getService());
    line.append(" class=").append(a.getClassification());
    if (a.getGrowthBytesPerHour() != null) {
      line.append(" growth=").append(ByteSize.format(a.getGrowthBytesPerHour())).append("/h");
    }
    if (a.getOnsetMs() != null) {
      line.append(" since ").append(TIME.format(Instant.ofEpochMilli(a.getOnsetMs())));
    }
    if (a.getCurrentBytes() != null) {
      line.append(" now=").append(ByteSize.format(a.getCurrentBytes()));
    }
    if (a.getLimitBytes() != null) {
      line.append(" limit=").append(ByteSize.format(a.getLimitBytes()));
    }
    if (a.getOomEtaSeconds() != null) {
      Duration eta = Duration.ofSeconds(Math.round(a.getOomEtaSeconds()));
      Instant at = Instant.ofEpochMilli(a.getDetectedAtMs()).plus(eta);
      line.append(" oom_eta=").append(DurationText.format(eta));
      line.append(" (").append(TIME.format(at)).append(')');
    } else {
      line.append(" oom_eta=none in horizon");
    }
    line.append(String.format(Locale.ROOT, " confidence=%.2f", a.getConfidence()));
    return line.toString();
  }
}
