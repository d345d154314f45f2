package io.aiops.detection.series;

import io.aiops.detection.LeakDetectorSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link SeriesDetector}. The anomaly scorer's are not here: they follow the series'
 * own sample interval (see {@link SeriesDetector}).
 *
 * @param historyBucket the leak history's downsampling bucket
 * @param historyCapacity buckets kept; bucket × capacity is the longest history judged
 * @param leak the leak rule's thresholds
 * @param judgeEverySamples once the history is long enough for a verdict, the verdict is refreshed
 *     at the first bucket close after this many samples; a verdict costs about a thousand times a
 *     sample, so this bounds its share of the per-sample cost
 */
public record SeriesDetectorSettings(
    Duration historyBucket, int historyCapacity, LeakDetectorSettings leak, int judgeEverySamples) {

  // The binary form keeps the history's ring buffer whole: a week of 1-minute buckets at most.
  static final int MAX_CAPACITY = 10_080;

  public SeriesDetectorSettings {
    Objects.requireNonNull(historyBucket, "historyBucket");
    Objects.requireNonNull(leak, "leak");
    if (historyBucket.isNegative() || historyBucket.isZero()) {
      throw new IllegalArgumentException("historyBucket must be positive: " + historyBucket);
    }
    if (historyCapacity < leak.minPoints() || historyCapacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "historyCapacity must be in [minPoints, " + MAX_CAPACITY + "]: " + historyCapacity);
    }
    if (judgeEverySamples < 1) {
      throw new IllegalArgumentException(
          "judgeEverySamples must be positive: " + judgeEverySamples);
    }
  }

  /**
   * 30-minute buckets, 96 of them (48 h), the default leak rule, a verdict every 1,024 samples (2.8
   * h of 10-second samples, 17 h of 1-minute ones) and at the first bucket that completes a
   * judgeable history.
   */
  public static SeriesDetectorSettings defaults() {
    return new SeriesDetectorSettings(
        Duration.ofMinutes(30), 96, LeakDetectorSettings.defaults(), 2_048);
  }

  /** The same, judging every {@code samples} samples. */
  public SeriesDetectorSettings judgingEvery(int samples) {
    return new SeriesDetectorSettings(historyBucket, historyCapacity, leak, samples);
  }
}
