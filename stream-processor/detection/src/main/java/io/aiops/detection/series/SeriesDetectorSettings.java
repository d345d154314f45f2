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
 *     at the first bucket close after this many samples
 * @param judgeEvery and at the first bucket close in each period of this much stream time (periods
 *     aligned to the epoch, so every engine replaying the same samples judges at the same buckets),
 *     whichever comes first: the sample count keeps fast series fresh, the period slow ones. A
 *     multiple of the bucket. A verdict costs a few hundred samples' worth, so these bound its
 *     share of the per-sample cost
 */
public record SeriesDetectorSettings(
    Duration historyBucket,
    int historyCapacity,
    LeakDetectorSettings leak,
    int judgeEverySamples,
    Duration judgeEvery) {

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
    Objects.requireNonNull(judgeEvery, "judgeEvery");
    if (judgeEvery.isNegative()
        || judgeEvery.isZero()
        || judgeEvery.toMillis() % historyBucket.toMillis() != 0) {
      throw new IllegalArgumentException(
          "judgeEvery must be a positive multiple of historyBucket: " + judgeEvery);
    }
  }

  /**
   * 30-minute buckets, 96 of them (48 h), the default leak rule, and a verdict at the first bucket
   * that completes a judgeable history, then every 2,048 samples (5.7 h of 10-second samples) or 12
   * h of stream time (after 00:00 and 12:00 UTC), whichever comes first: a series sampled every 30
   * s or every minute is judged twice a day rather than every 17 h or 34 h. A verdict costs about
   * 400 samples' worth; at 1-minute samples 12 h keeps its share near half a microsecond a sample,
   * and the whole update above a million samples a second (docs/benchmarks.md).
   */
  public static SeriesDetectorSettings defaults() {
    return new SeriesDetectorSettings(
        Duration.ofMinutes(30), 96, LeakDetectorSettings.defaults(), 2_048, Duration.ofHours(12));
  }

  /** The same, judging every {@code samples} samples (or period, whichever first). */
  public SeriesDetectorSettings judgingEvery(int samples) {
    return new SeriesDetectorSettings(historyBucket, historyCapacity, leak, samples, judgeEvery);
  }

  /** The same, judging every {@code streamTime} (or sample count, whichever first). */
  public SeriesDetectorSettings judgingEvery(Duration streamTime) {
    return new SeriesDetectorSettings(
        historyBucket, historyCapacity, leak, judgeEverySamples, streamTime);
  }
}
