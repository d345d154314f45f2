package io.aiops.detection.series;

import io.aiops.detection.LeakDetector;
import io.aiops.detection.LeakVerdict;
import io.aiops.detection.PointHistory;
import io.aiops.detection.anomaly.AnomalyScorer;
import io.aiops.detection.anomaly.AnomalyScorerSettings;
import io.aiops.detection.anomaly.PointScore;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that is done with one raw sample of one memory series, in one place: the Kafka Streams
 * topology, the offline {@code aiops detect} commands and the benchmarks run this class, so they
 * give the same answers on the same samples.
 *
 * <ul>
 *   <li>Leak: the sample is averaged into the history's bucket ({@link PointHistory}); when a
 *       bucket closes and the history is long enough for a verdict, {@link LeakDetector} judges it
 *       and estimates the OOM ETA, at the first such bucket and then once {@code judgeEverySamples}
 *       samples have arrived since the last verdict or the bucket is the first of a new period of
 *       {@code judgeEvery} stream time, whichever comes first. A verdict costs a few hundred
 *       samples' worth, so the cadence bounds its share. {@link #verdict()} judges the history as
 *       it stands.
 *   <li>Anomalies: {@link AnomalyScorer} scores every point of its own, finer buckets from the past
 *       alone (online STL). Its bucket follows the series' sample interval, the median of the first
 *       64 intervals ({@link AnomalyScorerSettings#forSampleInterval}); until those are seen the
 *       first samples are held, then scored in order, as if the bucket had been known from the
 *       start.
 * </ul>
 *
 * <p>State is bounded: see {@link SeriesDetectorFormat} ({@link #toBytes()}). Not thread-safe: one
 * instance per series, as kept in a keyed state store.
 */
public final class SeriesDetector {
  private final SeriesDetectorSettings settings;
  private final LeakDetector leakDetector;
  private final PointHistory history;
  private FirstSamples firstSamples;
  private AnomalyScorer scorer;
  private long limitBytes;
  private int samplesSinceVerdict;
  private boolean judged;
  private long pointsScored;

  public SeriesDetector(SeriesDetectorSettings settings) {
    this(
        settings,
        new PointHistory(settings.historyBucket().toMillis(), settings.historyCapacity()),
        new FirstSamples(),
        null,
        0,
        0,
        false,
        0);
  }

  /**
   * A detector that continues a leak history kept before (by an older state format); the anomaly
   * scorer starts afresh. Throws IllegalArgumentException when the history's bucket or capacity
   * differ from the settings.
   */
  public static SeriesDetector continuing(SeriesDetectorSettings settings, PointHistory history) {
    if (history.bucketMs() != settings.historyBucket().toMillis()
        || history.capacity() != settings.historyCapacity()) {
      throw new IllegalArgumentException("history kept under other settings");
    }
    return new SeriesDetector(
        settings,
        PointHistory.fromBytes(history.toBytes()),
        new FirstSamples(),
        null,
        0,
        0,
        false,
        0);
  }

  SeriesDetector(
      SeriesDetectorSettings settings,
      PointHistory history,
      FirstSamples firstSamples,
      AnomalyScorer scorer,
      long limitBytes,
      int samplesSinceVerdict,
      boolean judged,
      long pointsScored) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.leakDetector = new LeakDetector(settings.leak());
    this.history = history;
    this.firstSamples = firstSamples;
    this.scorer = scorer;
    this.limitBytes = limitBytes;
    this.samplesSinceVerdict = samplesSinceVerdict;
    this.judged = judged;
    this.pointsScored = pointsScored;
  }

  /**
   * Takes one raw sample. {@code limitBytes}: the limit the OOM ETA is measured against at this
   * sample (cgroup limit, or RSS + MemAvailable), {@code <= 0} when unknown. Samples older than the
   * open buckets and non-finite values are ignored, as {@link PointHistory} does.
   */
  public void add(long timestampMs, double bytes, long limitBytes, SeriesListener listener) {
    this.limitBytes = limitBytes;
    if (samplesSinceVerdict < Integer.MAX_VALUE) {
      samplesSinceVerdict++;
    }
    if (history.add(timestampMs, bytes) && verdictDue()) {
      judged = true;
      samplesSinceVerdict = 0;
      listener.judged(leakDetector.evaluate(history, limitBytes));
    }
    if (scorer != null) {
      report(scorer.add(timestampMs, bytes), listener);
    } else if (firstSamples.add(timestampMs, bytes)) {
      startScoring(listener);
    }
  }

  /**
   * The end of the input: the anomaly scorer's open bucket is closed and scored (the leak history's
   * is left open, as a stream would until its bucket ends), and the verdict on the history as it
   * stands is returned. Later samples of the scored bucket are ignored.
   */
  public LeakVerdict finish(SeriesListener listener) {
    if (scorer == null) {
      startScoring(listener);
    }
    report(scorer.flush(), listener);
    return verdict();
  }

  /** The leak verdict on the closed points of the history, against the latest limit. */
  public LeakVerdict verdict() {
    return leakDetector.evaluate(history, limitBytes);
  }

  /** The anomaly scorer's settings, once the sample interval is known. */
  public Optional<AnomalyScorerSettings> anomalySettings() {
    return scorer == null ? Optional.empty() : Optional.of(scorer.settings());
  }

  /** How many points the anomaly scorer has scored so far. */
  public long pointsScored() {
    return pointsScored;
  }

  /** A copy of the leak history (closed points and the open bucket). */
  public PointHistory history() {
    return PointHistory.fromBytes(history.toBytes());
  }

  public SeriesDetectorSettings settings() {
    return settings;
  }

  /** Compact, versioned binary form of the state; the settings are not part of it. */
  public byte[] toBytes() {
    return SeriesDetectorFormat.write(this);
  }

  /**
   * Reads {@link #toBytes()} output written under the same history settings; throws
   * IllegalArgumentException on anything else.
   */
  public static SeriesDetector fromBytes(SeriesDetectorSettings settings, byte[] bytes) {
    return SeriesDetectorFormat.read(settings, bytes);
  }

  private boolean verdictDue() {
    boolean judgeable =
        history.size() >= settings.leak().minPoints()
            && history.timestampMsAt(history.size() - 1) - history.timestampMsAt(0)
                >= settings.leak().minHistory().toMillis();
    return judgeable
        && (!judged
            || samplesSinceVerdict >= settings.judgeEverySamples()
            || closedFirstBucketOfPeriod());
  }

  /** True when the newest closed point is the first in its period of {@code judgeEvery}. */
  private boolean closedFirstBucketOfPeriod() {
    int newest = history.size() - 1;
    long periodMs = settings.judgeEvery().toMillis();
    return newest > 0
        && Math.floorDiv(history.timestampMsAt(newest), periodMs)
            != Math.floorDiv(history.timestampMsAt(newest - 1), periodMs);
  }

  private void startScoring(SeriesListener listener) {
    scorer =
        new AnomalyScorer(AnomalyScorerSettings.forSampleInterval(firstSamples.typicalInterval()));
    FirstSamples held = firstSamples;
    firstSamples = null;
    for (int i = 0; i < held.size(); i++) {
      report(scorer.add(held.timestampMsAt(i), held.valueAt(i)), listener);
    }
  }

  private void report(Optional<PointScore> score, SeriesListener listener) {
    if (score.isPresent()) {
      pointsScored++;
      listener.scored(score.get());
    }
  }

  // State for SeriesDetectorFormat.

  PointHistory liveHistory() {
    return history;
  }

  FirstSamples firstSamples() {
    return firstSamples;
  }

  AnomalyScorer scorer() {
    return scorer;
  }

  long limitBytes() {
    return limitBytes;
  }

  int samplesSinceVerdict() {
    return samplesSinceVerdict;
  }

  boolean judged() {
    return judged;
  }
}
