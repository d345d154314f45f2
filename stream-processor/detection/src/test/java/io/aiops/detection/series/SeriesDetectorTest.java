package io.aiops.detection.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.detection.LeakDetector;
import io.aiops.detection.LeakDetectorSettings;
import io.aiops.detection.LeakVerdict;
import io.aiops.detection.PointHistory;
import io.aiops.detection.anomaly.AnomalyScorer;
import io.aiops.detection.anomaly.AnomalyScorerSettings;
import io.aiops.detection.anomaly.PointScore;
import io.aiops.detection.eval.LabeledTrace;
import io.aiops.detection.eval.LabeledTraceGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesDetectorTest extends SeriesTraces {
  private static final SeriesDetectorSettings DEFAULTS = SeriesDetectorSettings.defaults();
  private static final LeakDetector LEAK = new LeakDetector(LeakDetectorSettings.defaults());

  @Test
  void endsWithTheLeakDetectorsVerdictOnTheSameDownsampledHistory() {
    for (LabeledTrace trace : new LabeledTraceGenerator(20261122).generate(44)) {
      SeriesDetector detector = new SeriesDetector(DEFAULTS);
      PointHistory history = new PointHistory(Duration.ofMinutes(30).toMillis(), 96);
      long[] times = trace.timestampsMs();
      double[] values = trace.valuesBytes();
      for (int i = 0; i < times.length; i++) {
        detector.add(times[i], values[i], trace.limitBytes(), SeriesListener.NONE);
        history.add(times[i], values[i]);
      }
      LeakVerdict expected = LEAK.evaluate(history, trace.limitBytes());
      assertEquals(expected, detector.finish(SeriesListener.NONE), trace.id());
    }
  }

  @Test
  void judgingEveryBucketGivesTheLeakDetectorsVerdictAtEachBucketClose() {
    List<Sample> series = memory(60 * SECOND_MS, 3, 8, 20, 1);
    Recorder recorder = new Recorder();
    SeriesDetector detector = new SeriesDetector(DEFAULTS.judgingEvery(1));
    PointHistory history = new PointHistory(Duration.ofMinutes(30).toMillis(), 96);
    List<LeakVerdict> expected = new ArrayList<>();
    for (Sample s : series) {
      detector.add(s.timestampMs(), s.bytes(), LIMIT_BYTES, recorder);
      if (history.add(s.timestampMs(), s.bytes())
          && history.timestampMsAt(history.size() - 1) - history.timestampMsAt(0) >= DAY_MS
          && history.size() >= 24) {
        expected.add(LEAK.evaluate(history, LIMIT_BYTES));
      }
    }
    assertEquals(expected, recorder.verdicts);
    assertTrue(recorder.verdicts.get(recorder.verdicts.size() - 1).leak());
  }

  @Test
  void judgesAtTheFirstJudgeableBucketThenEvery2048SamplesWhenNoPeriodEndsFirst() {
    List<Sample> series = memory(10 * SECOND_MS, 4, 0, 0, 2);
    Recorder recorder = new Recorder();
    SeriesDetector detector = new SeriesDetector(DEFAULTS.judgingEvery(Duration.ofDays(365)));
    recorder.feed(detector, series, 0, series.size());

    // 24 h of 10-second samples span the first and the last bucket's mean times after 8,640 + 90.
    int first = recorder.verdictSamples.get(0);
    assertTrue(first > 8_640 && first <= 8_640 + 2 * 180, "first verdict at sample " + first);
    for (int i = 1; i < recorder.verdictSamples.size(); i++) {
      int since = recorder.verdictSamples.get(i) - recorder.verdictSamples.get(i - 1);
      // The first bucket close after 2,048 samples: at most one bucket (180 samples) later.
      assertTrue(since >= 2_048 && since <= 2_048 + 180, "verdict " + i + " after " + since);
    }
    int later = recorder.verdictSamples.size() - 1;
    assertTrue(
        later >= (series.size() - first) / (2_048 + 180)
            && later <= (series.size() - first) / 2_048);
  }

  @Test
  void judgesOneMinuteSamplesAtTheFirstBucketOfEveryTwelveHoursOfStreamTime() {
    List<Sample> series = memory(60 * SECOND_MS, 5, 0, 0, 9);
    Recorder recorder = new Recorder();
    recorder.feed(new SeriesDetector(DEFAULTS), series, 0, series.size());

    // From 00:00 UTC: the first judgeable bucket closes at 24:30, then the first bucket of each
    // 12-hour period closes half an hour past 12:00 and 00:00, up to 108:30; 2,048 samples (34 h)
    // never pass first.
    List<Long> verdictTimesMs = new ArrayList<>();
    for (int samples : recorder.verdictSamples) {
      verdictTimesMs.add(series.get(samples - 1).timestampMs() - START_MS);
    }
    List<Long> expected = new ArrayList<>();
    for (long t = 24 * HOUR_MS + 30 * 60_000L; t < 120 * HOUR_MS; t += 12 * HOUR_MS) {
      expected.add(t);
    }
    assertEquals(expected, verdictTimesMs);
  }

  @Test
  void scoresEveryPointAsTheAnomalyScorerDoesWithTheBucketOfTheSampleInterval() {
    List<Sample> series = memory(10 * SECOND_MS, 6, 0, 0, 3);
    AnomalyScorer scorer =
        new AnomalyScorer(AnomalyScorerSettings.forSampleInterval(Duration.ofSeconds(10)));
    List<PointScore> expected = new ArrayList<>();
    for (Sample s : series) {
      scorer.add(s.timestampMs(), s.bytes()).ifPresent(expected::add);
    }
    scorer.flush().ifPresent(expected::add);

    Recorder recorder = new Recorder();
    SeriesDetector detector = new SeriesDetector(DEFAULTS);
    recorder.feed(detector, series, 0, series.size());
    detector.finish(recorder);

    assertEquals(Duration.ofMinutes(5).toMillis(), detector.anomalySettings().get().bucketMs());
    assertEquals(expected, recorder.scores);
    assertEquals(expected.size(), detector.pointsScored());
    assertTrue(recorder.scores.stream().anyMatch(PointScore::anomalous));
  }

  @Test
  void aSeriesShorterThanSixtyFourIntervalsIsScoredWithTheIntervalItHas() {
    List<Sample> series = memory(20 * 60 * SECOND_MS, 0.5, 0, 0, 4);
    Recorder recorder = new Recorder();
    SeriesDetector detector = new SeriesDetector(DEFAULTS);
    recorder.feed(detector, series, 0, series.size());
    assertTrue(recorder.scores.isEmpty(), "nothing is scored before the interval is known");
    assertTrue(detector.anomalySettings().isEmpty());

    LeakVerdict verdict = detector.finish(recorder);

    assertEquals(Duration.ofMinutes(30).toMillis(), detector.anomalySettings().get().bucketMs());
    long buckets =
        series.stream()
            .mapToLong(s -> s.timestampMs() / Duration.ofMinutes(30).toMillis())
            .distinct()
            .count();
    assertEquals(buckets, recorder.scores.size());
    assertEquals(LeakVerdict.INSUFFICIENT_HISTORY, verdict.classification());
  }

  @Test
  void stateStaysBoundedOverThirtyDaysOfTenSecondSamples() {
    List<Sample> series = memory(10 * SECOND_MS, 30, 2, 100, 5);
    SeriesDetector detector = new SeriesDetector(DEFAULTS);
    int largest = 0;
    int afterWarmUp = 0;
    for (int i = 0; i < series.size(); i++) {
      detector.add(
          series.get(i).timestampMs(), series.get(i).bytes(), LIMIT_BYTES, SeriesListener.NONE);
      if (i % 500 == 0) {
        int size = detector.toBytes().length;
        largest = Math.max(largest, size);
        if (i > 6 * 8_640) {
          afterWarmUp = Math.max(afterWarmUp, size);
        }
      }
    }
    assertTrue(largest <= SeriesDetectorFormat.MAX_DEFAULT_BYTES, "largest state " + largest);
    // From online STL's warm-up on the state no longer grows: 1,581 + 9,576 and the framing.
    assertTrue(afterWarmUp <= 11_200, "state after warm-up " + afterWarmUp);
    assertEquals(afterWarmUp, detector.toBytes().length, 64.0);
  }

  @Test
  void stateIsLargestWhileOnlineStlBuffersItsWarmUpDays() {
    for (long stepSeconds : new long[] {1, 10, 60, 300, 330}) {
      List<Sample> series = memory(stepSeconds * SECOND_MS, 4.2, 0, 0, 6);
      SeriesDetector detector = new SeriesDetector(DEFAULTS);
      int largest = 0;
      for (int i = 0; i < series.size(); i++) {
        detector.add(
            series.get(i).timestampMs(), series.get(i).bytes(), LIMIT_BYTES, SeriesListener.NONE);
        if (i % 97 == 0 || i == series.size() - 1) {
          largest = Math.max(largest, detector.toBytes().length);
        }
      }
      assertTrue(
          largest <= SeriesDetectorFormat.MAX_DEFAULT_BYTES,
          stepSeconds + " s samples: largest state " + largest);
    }
  }

  @Test
  void aRestoredDetectorContinuesExactlyAsTheOriginal() {
    List<Sample> series = memory(30 * SECOND_MS, 6, 6, 60, 7);
    // Cut while the first samples are held, while online STL warms up, and once it is warm.
    for (int cut : new int[] {1, 40, 200, 3_000, 14_000, series.size() - 5}) {
      Recorder whole = new Recorder();
      SeriesDetector original = new SeriesDetector(DEFAULTS);
      whole.feed(original, series, 0, series.size());
      LeakVerdict wholeVerdict = original.finish(whole);

      Recorder split = new Recorder();
      SeriesDetector first = new SeriesDetector(DEFAULTS);
      split.feed(first, series, 0, cut);
      SeriesDetector restored = SeriesDetector.fromBytes(DEFAULTS, first.toBytes());
      assertEquals(first.toBytes().length, restored.toBytes().length);
      split.feed(restored, series, cut, series.size());
      LeakVerdict splitVerdict = restored.finish(split);

      assertEquals(whole.scores, split.scores, "cut at " + cut);
      assertEquals(whole.verdicts, split.verdicts, "cut at " + cut);
      assertEquals(whole.verdictSamples, split.verdictSamples, "cut at " + cut);
      assertEquals(wholeVerdict, splitVerdict, "cut at " + cut);
    }
  }

  @Test
  void continuesAHistoryKeptBeforeAndJudgesItAtTheNextBucket() {
    List<Sample> series = memory(60 * SECOND_MS, 2, 10, 0, 8);
    PointHistory kept = new PointHistory(Duration.ofMinutes(30).toMillis(), 96);
    int half = series.size() - 200;
    for (int i = 0; i < half; i++) {
      kept.add(series.get(i).timestampMs(), series.get(i).bytes());
    }
    SeriesDetector detector = SeriesDetector.continuing(DEFAULTS, kept);
    Recorder recorder = new Recorder();
    recorder.feed(detector, series, half, series.size());

    assertEquals(half + 30, recorder.verdictSamples.get(0), 30.0);
    for (int i = half; i < series.size(); i++) {
      kept.add(series.get(i).timestampMs(), series.get(i).bytes());
    }
    assertEquals(LEAK.evaluate(kept, LIMIT_BYTES), detector.verdict());
    SeriesDetectorSettings longer =
        new SeriesDetectorSettings(
            Duration.ofMinutes(30), 192, LeakDetectorSettings.defaults(), 1, Duration.ofHours(12));
    assertThrowsIllegalArgument(() -> SeriesDetector.continuing(longer, kept));
  }

  @Test
  void refusesStateOfOtherHistorySettingsAndGarbage() {
    SeriesDetector detector = new SeriesDetector(DEFAULTS);
    detector.add(START_MS, 1e9, LIMIT_BYTES, SeriesListener.NONE);
    byte[] bytes = detector.toBytes();
    SeriesDetectorSettings longer =
        new SeriesDetectorSettings(
            Duration.ofMinutes(30), 192, LeakDetectorSettings.defaults(), 1, Duration.ofHours(12));
    assertThrowsIllegalArgument(() -> SeriesDetector.fromBytes(longer, bytes));
    assertThrowsIllegalArgument(() -> SeriesDetector.fromBytes(DEFAULTS, new byte[] {9, 1, 2}));
    assertThrowsIllegalArgument(
        () -> SeriesDetector.fromBytes(DEFAULTS, java.util.Arrays.copyOf(bytes, bytes.length - 3)));
    assertThrowsIllegalArgument(() -> SeriesDetector.fromBytes(DEFAULTS, new byte[0]));
    assertFalse(SeriesDetector.fromBytes(DEFAULTS, bytes).anomalySettings().isPresent());
  }

  private static void assertThrowsIllegalArgument(Runnable read) {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, read::run);
  }
}
