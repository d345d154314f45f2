package io.aiops.sinks;

import io.aiops.schemas.memory.AnomalyType;
import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.memory.SeriesKind;
import io.aiops.schemas.memory.Severity;
import java.util.Map;

/** Named anomalies and instants shared by the sink tests. */
public final class AnomalyFixtures {
  /** 2026-01-05T10:00:00Z: a Monday morning, when the leak was first reported. */
  public static final long MONDAY_10_00 = 1_767_607_200_000L;

  public static final long ONE_MINUTE = 60_000L;

  private AnomalyFixtures() {}

  /** A process leak on web-01 detected at {@code detectedAtMs}, with an OOM ETA and evidence. */
  public static MemoryAnomaly leakOnWeb01(String anomalyId, long detectedAtMs) {
    return MemoryAnomaly.newBuilder()
        .setAnomalyId(anomalyId)
        .setSeriesId("web-01/boot-1/4242/987654")
        .setSeriesKind(SeriesKind.PROCESS)
        .setAnomalyType(AnomalyType.MEMORY_LEAK)
        .setSeverity(Severity.WARNING)
        .setHostId("web-01")
        .setService("nginx.service")
        .setComm("nginx")
        .setPid(4242)
        .setDetectedAtMs(detectedAtMs)
        .setOnsetMs(detectedAtMs - 6 * 60 * ONE_MINUTE)
        .setClassification("linear_leak")
        .setConfidence(0.93)
        .setGrowthBytesPerHour(12_582_912.0)
        .setCurrentBytes(1_073_741_824L)
        .setLimitBytes(2_147_483_648L)
        .setOomEtaSeconds(307_200.0)
        .setEvidence(Map.of("slope_r2", "0.98", "window", "6h"))
        .build();
  }

  /** A host-level swap storm without a process, onset, limit or ETA (the nullable fields null). */
  public static MemoryAnomaly swapStormOnDb02(String anomalyId, long detectedAtMs) {
    return MemoryAnomaly.newBuilder()
        .setAnomalyId(anomalyId)
        .setSeriesId("db-02")
        .setSeriesKind(SeriesKind.HOST)
        .setAnomalyType(AnomalyType.SWAP_STORM)
        .setSeverity(Severity.CRITICAL)
        .setHostId("db-02")
        .setService("")
        .setDetectedAtMs(detectedAtMs)
        .setClassification("swap_storm")
        .setConfidence(0.71)
        .build();
  }
}
