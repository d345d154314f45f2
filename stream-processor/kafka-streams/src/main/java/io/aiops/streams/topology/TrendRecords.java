package io.aiops.streams.topology;

import io.aiops.detection.LeakVerdict;
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
        .setOomEtaSeconds(Double.isNaN(s.etaSeconds) ? null : s.etaSeconds)
        .build();
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
