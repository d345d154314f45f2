package io.aiops.detection.anomaly;

import io.aiops.detection.PointHistory;
import io.aiops.detection.RobustScale;
import io.aiops.detection.stl.OnlineStl;
import io.aiops.detection.stl.OnlineStlPoint;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Streaming anomaly scoring of one series: each point is judged when its bucket closes, from the
 * points before it alone, then learnt from.
 *
 * <p>Samples are averaged into buckets ({@link PointHistory}); a bucket is a point. What a point is
 * judged against depends on how much of the series has been seen ({@link Baseline}):
 *
 * <ol>
 *   <li>The first day: the recent level ({@link RecentLevel}, an EWMA with slope), its error
 *       standardised by the median and MAD of a sliding window: fast spikes and dips.
 *   <li>Until online STL is warm ({@code warmUpPeriods} days): the daily pattern learnt from the
 *       first day ({@link DailyProfile}), its residual standardised the same way.
 *   <li>Then online STL ({@link OnlineStl}): the remainder, standardised by the median |remainder|
 *       of a sliding window, is the robust z of a deviation the daily pattern does not explain.
 * </ol>
 *
 * <p>Two-sided CUSUM ({@link ChangeDetector}) on the same robust z dates level shifts and the onset
 * of growth; not on the first day of a seasonal series, where a daily swing cannot be told from a
 * shift. Score: {@link ScoreCalibration} of the robust z; a point that confirms a change scores at
 * least 0.5. Kind: the confirmed change's while it lasts, else spike or dip by sign.
 *
 * <p>Gaps: online STL needs one point per bucket, so missing buckets (up to {@code maxGapPoints})
 * are filled with the forecast, which leaves the state as it was while the phase advances; they are
 * not scored. A longer gap restarts the series. State: see {@link AnomalyScorerFormat}. Not
 * thread-safe: one instance per series.
 */
public final class AnomalyScorer {
  static final long NO_BUCKET = Long.MIN_VALUE;

  private final AnomalyScorerSettings settings;
  private final SlidingWindowMad recentResiduals;
  private final SlidingWindowMad absoluteRemainders;
  private final ChangeDetector change;
  private PointHistory history;
  private long lastBucket = NO_BUCKET;
  private Baseline baseline;
  private RecentLevel recent;
  private DailyProfile profile;
  private OnlineStl stl;

  public AnomalyScorer(AnomalyScorerSettings settings) {
    this.settings = settings;
    this.history = new PointHistory(settings.bucketMs(), 1);
    this.recentResiduals = new SlidingWindowMad(settings.recentWindowPoints());
    this.absoluteRemainders = new SlidingWindowMad(settings.remainderWindowPoints());
    this.change =
        new ChangeDetector(
            settings.cusumSlackZ(),
            settings.cusumThresholdZ(),
            settings.cusumClipZ(),
            settings.growthConfirmPoints());
    startSeries();
  }

  /**
   * Adds a raw sample; returns the score of the point whose bucket this sample closed, if any.
   * Samples older than the open bucket and non-finite values are ignored, as {@link PointHistory}
   * does.
   */
  public Optional<PointScore> add(long timestampMs, double value) {
    return history.add(timestampMs, value) ? Optional.of(scoreNewestPoint()) : Optional.empty();
  }

  /**
   * Closes the open bucket now and scores it, as at the end of an input; later samples of that
   * bucket are ignored.
   */
  public Optional<PointScore> flush() {
    return history.closeOpenBucket() ? Optional.of(scoreNewestPoint()) : Optional.empty();
  }

  public AnomalyScorerSettings settings() {
    return settings;
  }

  /** Compact, versioned binary form of the settings and the whole state. */
  public byte[] toBytes() {
    return AnomalyScorerFormat.write(this);
  }

  /** Reads {@link #toBytes()} output; throws IllegalArgumentException on anything else. */
  public static AnomalyScorer fromBytes(byte[] bytes) {
    return AnomalyScorerFormat.read(bytes);
  }

  private PointScore scoreNewestPoint() {
    long timestampMs = history.timestampMsAt(0);
    double value = history.valueAt(0);
    advanceTo(Math.floorDiv(timestampMs, settings.bucketMs()));
    Optional<OnlineStlPoint> seasonal = stl == null ? Optional.empty() : stl.add(value);
    enter(
        seasonal.isPresent()
            ? Baseline.SEASONAL
            : profile != null && profile.ready() ? Baseline.DAILY_PROFILE : Baseline.RECENT);

    double expected;
    double z;
    if (seasonal.isPresent()) {
      double remainder = seasonal.get().remainder();
      expected = value - remainder;
      // Not OnlineStl's own scale at first: it starts from the batch fit's remainders, which the
      // two-sided fit shrinks by about a third, and would make the first points look wild.
      z =
          absoluteRemainders.size() >= settings.minWindowPoints()
              ? remainder / scale(RobustScale.MAD_TO_SD * absoluteRemainders.median(), expected)
              : Double.NaN;
      absoluteRemainders.add(Math.abs(remainder));
    } else {
      boolean daily = baseline == Baseline.DAILY_PROFILE;
      double forecast = daily ? profile.forecast() : recent.forecast();
      boolean trusted = recentResiduals.size() >= settings.minWindowPoints();
      double scale = scale(RobustScale.MAD_TO_SD * recentResiduals.mad(), forecast);
      double limit = trusted ? settings.clipZ() * scale : Double.POSITIVE_INFINITY;
      expected = forecast;
      double residual = value - forecast;
      z = trusted ? (residual - recentResiduals.median()) / scale : Double.NaN;
      if (daily) {
        profile.learn(value, limit);
      } else {
        recent.update(value, 0, limit);
        if (profile != null) {
          profile.recordFirstDay(value);
        }
      }
      if (!Double.isNaN(forecast)) {
        recentResiduals.add(residual);
      }
    }
    if (Double.isNaN(z)) {
      return new PointScore(
          timestampMs, value, expected, 0, AnomalyKind.NONE, OptionalLong.empty());
    }
    return judge(timestampMs, value, expected, z);
  }

  private PointScore judge(long timestampMs, double value, double expected, double z) {
    double score = settings.calibration().score(z);
    boolean detectChanges = baseline != Baseline.RECENT || !settings.seasonal();
    ChangeDetector.Change confirmed = detectChanges ? change.observe(z, timestampMs) : null;
    if (confirmed != null) {
      return new PointScore(
          timestampMs,
          value,
          expected,
          Math.max(score, PointScore.ANOMALOUS),
          confirmed.kind(),
          OptionalLong.of(confirmed.onsetMs()));
    }
    if (score == 0) {
      return new PointScore(
          timestampMs, value, expected, 0, AnomalyKind.NONE, OptionalLong.empty());
    }
    AnomalyKind ongoing = change.ongoing(z);
    if (ongoing != AnomalyKind.NONE) {
      // A point of a confirmed change, on its side: named after it, with its onset.
      return new PointScore(
          timestampMs, value, expected, score, ongoing, OptionalLong.of(change.ongoingOnsetMs(z)));
    }
    AnomalyKind kind = z > 0 ? AnomalyKind.SPIKE : AnomalyKind.DIP;
    return new PointScore(timestampMs, value, expected, score, kind, OptionalLong.empty());
  }

  /** Switches baseline: its residuals and the change statistics start afresh. */
  private void enter(Baseline next) {
    if (next == baseline) {
      return;
    }
    baseline = next;
    recentResiduals.clear();
    // The residuals' correlation carries over; the runs start afresh on the new residuals.
    change.clearRuns();
    if (next == Baseline.SEASONAL) {
      // Online STL has the daily pattern now; the first days' profile is no longer needed.
      profile = null;
    }
  }

  /**
   * Fills the buckets missing before {@code bucket} with the forecast; restarts after long gaps.
   */
  private void advanceTo(long bucket) {
    if (lastBucket != NO_BUCKET) {
      long missing = bucket - lastBucket - 1;
      if (missing > settings.maxGapPoints()) {
        startSeries();
      } else {
        for (long i = 0; i < missing; i++) {
          fillOne();
        }
      }
    }
    lastBucket = bucket;
  }

  private void fillOne() {
    if (stl != null && stl.ready()) {
      stl.add(stl.forecast().getAsDouble());
      return;
    }
    double forecast;
    if (profile != null && profile.ready()) {
      forecast = profile.forecast();
      profile.carry();
    } else {
      forecast = recent.forecast();
      recent.carry();
      if (profile != null) {
        profile.recordFirstDay(forecast);
      }
    }
    if (stl != null) {
      stl.add(forecast);
    }
  }

  private void startSeries() {
    recent =
        new RecentLevel(
            settings.recentSmoothing(), settings.recentSlopeSmoothing(), settings.shiftRunPoints());
    stl = settings.seasonal() ? new OnlineStl(settings.onlineStl()) : null;
    profile =
        settings.seasonal()
            ? new DailyProfile(settings.periodPoints(), settings.shiftRunPoints())
            : null;
    baseline = Baseline.RECENT;
    recentResiduals.clear();
    absoluteRemainders.clear();
    change.reset();
  }

  private double scale(double estimate, double expected) {
    double floor = settings.scaleFloorFraction() * Math.abs(expected);
    return Math.max(estimate, Math.max(floor, Double.MIN_NORMAL));
  }

  // State for AnomalyScorerFormat.

  PointHistory history() {
    return history;
  }

  long lastBucket() {
    return lastBucket;
  }

  Baseline baseline() {
    return baseline;
  }

  RecentLevel recent() {
    return recent;
  }

  DailyProfile profile() {
    return profile;
  }

  OnlineStl stl() {
    return stl;
  }

  SlidingWindowMad recentResiduals() {
    return recentResiduals;
  }

  SlidingWindowMad absoluteRemainders() {
    return absoluteRemainders;
  }

  ChangeDetector change() {
    return change;
  }

  void restore(
      PointHistory history,
      long lastBucket,
      Baseline baseline,
      RecentLevel recent,
      DailyProfile profile,
      OnlineStl stl) {
    this.history = history;
    this.lastBucket = lastBucket;
    this.baseline = baseline;
    this.recent = recent;
    this.profile = profile;
    this.stl = stl;
  }
}
