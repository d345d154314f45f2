package io.aiops.streams.topology;

import io.aiops.detection.LeakVerdict;
import io.aiops.detection.anomaly.AnomalyKind;
import io.aiops.detection.anomaly.PointScore;
import io.aiops.schemas.memory.AnomalyType;
import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.memory.MemoryTrend;
import io.aiops.schemas.memory.SeriesKind;
import io.aiops.schemas.memory.Severity;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns series state and detector verdicts into the records the topology publishes. */
final class TrendRecords {
  // Under a day to exhaustion someone must act tonight; beyond that it is planned work.
  private static final double CRITICAL_ETA_SECONDS = Duration.ofHours(24).toSeconds();

  private TrendRecords() {}

  static MemoryTrend trend(String seriesId, SeriesState s, long windowMs) {
    return MemoryTrend.newBuilder()
        .setSeriesId(seriesId)
        .setSeriesKind(SeriesKind.PROCESS)
        .setHostId(s.hostId)
        .setService(s.service)
        .setComm(s.comm)
        .setPid(s.pid)
        .setWindowStartMs(s.windowStartMs)
        .setWindowEndMs(s.windowStartMs + windowMs)
        .setSampleCount(s.windowCount)
        .setRssMeanBytes(s.windowSumBytes / s.windowCount)
        .setRssMinBytes(s.windowMinBytes)
        .setRssMaxBytes(s.windowMaxBytes)
        .setRssLastBytes(s.lastBytes)
        .setSlopeBytesPerHour(Double.isNaN(s.slopeBytesPerHour) ? null : s.slopeBytesPerHour)
        .setLimitBytes(s.limitBytes == SeriesState.NONE ? null : s.limitBytes)
        .setOomEtaSeconds(etaOrNull(s.etaSecondsAt(s.windowStartMs + windowMs)))
        .build();
  }

  /**
   * One point the anomaly scorer judged anomalous: a {@code GROWTH_SPIKE} (what the daily pattern
   * does not explain) whose classification is the kind (spike, dip, level_shift, growth) and whose
   * confidence is the score. Value and forecast are in the evidence at full precision, so a
   * consumer recovers the point exactly ({@link PointAnomalies}).
   */
  static MemoryAnomaly pointAnomaly(String seriesId, SeriesState s, PointScore point) {
    Long onset = point.onsetMs().isPresent() ? point.onsetMs().getAsLong() : null;
    Map<String, String> evidence = new LinkedHashMap<>();
    evidence.put(PointAnomalies.VALUE, Double.toString(point.value()));
    if (!Double.isNaN(point.expected())) {
      evidence.put(PointAnomalies.EXPECTED, Double.toString(point.expected()));
    }
    boolean lasting = point.kind() == AnomalyKind.LEVEL_SHIFT || point.kind() == AnomalyKind.GROWTH;
    return MemoryAnomaly.newBuilder()
        .setAnomalyId(
            seriesId
                + "/GROWTH_SPIKE/"
                + point.kind().label()
                + "/"
                + (onset != null ? onset : point.timestampMs()))
        .setSeriesId(seriesId)
        .setSeriesKind(SeriesKind.PROCESS)
        .setAnomalyType(AnomalyType.GROWTH_SPIKE)
        // A lasting change wants a look; a lone spike or dip is context for one.
        .setSeverity(lasting ? Severity.WARNING : Severity.INFO)
        .setHostId(s.hostId)
        .setService(s.service)
        .setComm(s.comm)
        .setPid(s.pid)
        .setDetectedAtMs(point.timestampMs())
        .setOnsetMs(onset)
        .setClassification(point.kind().label())
        .setConfidence(point.score())
        .setCurrentBytes(Math.round(point.value()))
        .setLimitBytes(s.limitBytes == SeriesState.NONE ? null : s.limitBytes)
        .setEvidence(evidence)
        .build();
  }

  private static Double etaOrNull(double etaSeconds) {
    return Double.isNaN(etaSeconds) ? null : etaSeconds;
  }

  static MemoryAnomaly leakAnomaly(
      String seriesId, SeriesState s, LeakVerdict verdict, long detectedAtMs) {
    Double eta = verdict.oomEtaSeconds().isPresent() ? verdict.oomEtaSeconds().getAsDouble() : null;
    Long onset = verdict.onsetMs().isPresent() ? verdict.onsetMs().getAsLong() : null;
    Map<String, String> evidence = new LinkedHashMap<>();
    verdict.evidence().forEach((name, value) -> evidence.put(name, format(value)));
    return MemoryAnomaly.newBuilder()
        .setAnomalyId(seriesId + "/MEMORY_LEAK/" + s.leakSinceMs)
        .setSeriesId(seriesId)
        .setSeriesKind(SeriesKind.PROCESS)
        .setAnomalyType(AnomalyType.MEMORY_LEAK)
        .setSeverity(
            eta != null && eta < CRITICAL_ETA_SECONDS ? Severity.CRITICAL : Severity.WARNING)
        .setHostId(s.hostId)
        .setService(s.service)
        .setComm(s.comm)
        .setPid(s.pid)
        .setDetectedAtMs(detectedAtMs)
        .setOnsetMs(onset)
        .setClassification(verdict.classification())
        .setConfidence(verdict.confidence())
        .setGrowthBytesPerHour(verdict.growthBytesPerHour())
        .setCurrentBytes(Math.round(verdict.trendBytes()))
        .setLimitBytes(s.limitBytes == SeriesState.NONE ? null : s.limitBytes)
        .setOomEtaSeconds(eta)
        .setEvidence(evidence)
        .build();
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : String.format(java.util.Locale.ROOT, "%.4g", value);
  }
}
