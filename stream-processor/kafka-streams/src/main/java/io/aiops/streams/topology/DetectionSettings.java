package io.aiops.streams.topology;

import io.aiops.detection.LeakDetectorSettings;
import java.time.Duration;

/**
 * How the topology windows and judges each series. Durations are in event time (the samples' own
 * clocks), so a fleet with skewed clocks and a simulation running faster than real time are judged
 * the same way.
 *
 * @param trendWindow one MemoryTrend per process per window
 * @param historyBucket the downsampling bucket of the detector's history
 * @param historyCapacity buckets kept; bucket × capacity is the longest history judged
 * @param staleAfter a series not seen for this long (or from an older boot) is forgotten
 * @param anomalyRepeat a persisting leak is re-announced this often, with a fresh ETA
 */
public record DetectionSettings(
    Duration trendWindow,
    Duration historyBucket,
    int historyCapacity,
    Duration staleAfter,
    Duration anomalyRepeat,
    LeakDetectorSettings leak) {

  public static DetectionSettings defaults() {
    return new DetectionSettings(
        Duration.ofMinutes(5),
        Duration.ofMinutes(30),
        96,
        Duration.ofHours(1),
        Duration.ofHours(6),
        LeakDetectorSettings.defaults());
  }
}
