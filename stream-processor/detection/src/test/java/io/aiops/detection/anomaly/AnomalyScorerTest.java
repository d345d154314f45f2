package io.aiops.detection.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnomalyScorerTest {
  private static final long FIVE_MINUTES_MS = Duration.ofMinutes(5).toMillis();
  private static final long MINUTE_MS = Duration.ofMinutes(1).toMillis();
  private static final long HOUR_MS = Duration.ofHours(1).toMillis();
  private static final AnomalyScorerSettings FIVE_MINUTE =
      AnomalyScorerSettings.forSampleInterval(Duration.ofMinutes(5));
  // STL is warm after 4 days of 288 points; the remainder window wants 16 more.
  private static final int SEASONAL_FROM = 4 * 288 + 16;

  /** Six days at 5-minute steps with two spikes, a dip and a level shift, a third after warm-up. */
  private static AnomalyTraces sixDaysWithAnomalies() {
    return AnomalyTraces.draw(
        11, new AnomalyTraces.Recipe(FIVE_MINUTES_MS, 6, 2, 1, 1, 0, 10, 20, 288 + 50));
  }

  @Test
  void scoresEachPointFromThePastAlone() {
    AnomalyTraces trace = sixDaysWithAnomalies();
    List<PointScore> whole = trace.scoreAll(FIVE_MINUTE);
    // Cuts in the first day, while STL warms up, at its first point and once it is running.
    for (int cut : new int[] {100, 700, 4 * 288, SEASONAL_FROM + 200, trace.values().length - 1}) {
      AnomalyTraces prefix = trace.prefix(cut);

      assertEquals(whole.subList(0, cut), prefix.scoreAll(FIVE_MINUTE), "prefix of " + cut);
    }
    assertTrue(whole.stream().anyMatch(PointScore::anomalous), "the injected anomalies are seen");
  }

  @Test
  void resumesFromItsBytesExactlyAsIfNeverStopped() {
    AnomalyTraces trace = sixDaysWithAnomalies();
    List<PointScore> uninterrupted = trace.scoreAll(FIVE_MINUTE);
    for (int cut : new int[] {0, 1, 20, 300, 4 * 288 + 3, SEASONAL_FROM + 400}) {
      AnomalyScorer first = new AnomalyScorer(FIVE_MINUTE);
      List<PointScore> scores = new ArrayList<>();
      for (int i = 0; i < cut; i++) {
        first.add(trace.timestampsMs()[i], trace.values()[i]).ifPresent(scores::add);
      }
      byte[] state = first.toBytes();
      AnomalyScorer resumed = AnomalyScorer.fromBytes(state);
      assertArrayEquals(state, resumed.toBytes(), "the restored state writes the same bytes");
      for (int i = cut; i < trace.values().length; i++) {
        resumed.add(trace.timestampsMs()[i], trace.values()[i]).ifPresent(scores::add);
      }
      resumed.flush().ifPresent(scores::add);

      assertEquals(uninterrupted, scores, "resumed after " + cut);
    }
  }

  @ParameterizedTest(name = "{0} points a day: {1} bytes")
  @CsvSource({"288, 9576", "48, 2856"})
  void keepsAStateOfAFewKilobytesThatStopsGrowingOnceStlIsWarm(int pointsPerDay, int bytes) {
    long stepMs = AnomalyScorerSettings.DAY_MS / pointsPerDay;
    AnomalyScorerSettings settings =
        AnomalyScorerSettings.forSampleInterval(Duration.ofMillis(stepMs));
    AnomalyTraces trace = AnomalyTraces.draw(3, AnomalyTraces.Recipe.clean(stepMs, 10));
    AnomalyScorer scorer = new AnomalyScorer(settings);
    int[] sizes = new int[10];
    for (int i = 0; i < trace.values().length; i++) {
      scorer.add(trace.timestampsMs()[i], trace.values()[i]);
      if ((i + 1) % pointsPerDay == 0) {
        sizes[i / pointsPerDay] = scorer.toBytes().length;
      }
    }
    // While STL warms up: its buffer of up to 4 days of points and the first day's profile.
    assertTrue(sizes[3] > 4 * pointsPerDay * 8, Arrays.toString(sizes));
    // Then: STL (28 bytes a phase + 162), the remainder window (128 values), and small change.
    assertEquals(sizes[7], sizes[9], Arrays.toString(sizes));
    assertEquals(bytes, sizes[9], Arrays.toString(sizes));
    assertEquals(28 * pointsPerDay + 162 + 128 * 8 + 326, bytes);
  }

  @Test
  void refusesBytesThatAreNotItsState() {
    byte[] state = new AnomalyScorer(FIVE_MINUTE).toBytes();
    byte[] unknownVersion = state.clone();
    unknownVersion[0] = 9;
    byte[] trailing = Arrays.copyOf(state, state.length + 1);

    for (byte[] bad :
        new byte[][] {
          null, new byte[0], unknownVersion, Arrays.copyOf(state, state.length - 3), trailing
        }) {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> AnomalyScorer.fromBytes(bad));
      assertTrue(refused.getMessage().contains("anomaly scorer state"), refused.getMessage());
    }
  }

  @Test
  void refusesRandomGarbageWithIllegalArgumentOnly() {
    AnomalyTraces trace = sixDaysWithAnomalies();
    AnomalyScorer scorer = new AnomalyScorer(FIVE_MINUTE);
    for (int i = 0; i < 300; i++) {
      scorer.add(trace.timestampsMs()[i], trace.values()[i]);
    }
    byte[] state = scorer.toBytes();
    Random random = new Random(5);
    for (int i = 0; i < 2_000; i++) {
      byte[] garbage = i % 2 == 0 ? new byte[random.nextInt(300)] : state.clone();
      if (i % 2 == 0) {
        random.nextBytes(garbage);
      } else {
        // A valid state with a few bytes flipped, so the reader gets past the header.
        for (int flips = 0; flips < 3; flips++) {
          garbage[1 + random.nextInt(garbage.length - 1)] ^= (byte) (1 + random.nextInt(255));
        }
      }
      try {
        AnomalyScorer.fromBytes(garbage);
      } catch (IllegalArgumentException expected) {
        // the only acceptable failure
      }
    }
  }

  @Test
  void averagesFasterSamplesIntoBucketsAndScoresOnePointPerBucket() {
    AnomalyScorer scorer = new AnomalyScorer(FIVE_MINUTE);
    List<PointScore> scores = new ArrayList<>();
    long start = AnomalyTraces.START_MS;
    for (int minute = 0; minute < 60; minute++) {
      scorer.add(start + minute * MINUTE_MS, 100 + minute).ifPresent(scores::add);
    }
    assertEquals(11, scores.size(), "the twelfth bucket is still open");
    assertEquals(start + 2 * MINUTE_MS, scores.get(0).timestampMs());
    assertEquals(102, scores.get(0).value(), 1e-9);

    Optional<PointScore> last = scorer.flush();

    assertTrue(last.isPresent());
    assertEquals(157, last.get().value(), 1e-9);
    assertTrue(scorer.add(start + 59 * MINUTE_MS + 30_000, 1e12).isEmpty(), "its bucket closed");
    assertTrue(scorer.flush().isEmpty());
  }

  @Test
  void fillsAGapOfHoursWithTheForecastAndKeepsJudgingAfterIt() {
    AnomalyTraces trace = AnomalyTraces.draw(5, AnomalyTraces.Recipe.clean(FIVE_MINUTES_MS, 7));
    int gapFrom = 5 * 288 + 100;
    int gapPoints = 36; // three hours
    double[] values = trace.values().clone();
    int spikeAt = gapFrom + gapPoints + 30;
    values[spikeAt] += 15 * trace.noiseSd();

    AnomalyTraces withGap = trace.withValues(values).without(gapFrom, gapFrom + gapPoints);
    List<PointScore> scores = withGap.scoreAll(FIVE_MINUTE);

    List<PointScore> anomalies = scores.stream().filter(PointScore::anomalous).toList();
    assertEquals(1, anomalies.size(), "" + anomalies);
    assertEquals(trace.timestampsMs()[spikeAt], anomalies.get(0).timestampMs());
    assertEquals(AnomalyKind.SPIKE, anomalies.get(0).kind());
  }

  @Test
  void startsAfreshAfterAGapLongerThanADay() {
    AnomalyTraces trace = AnomalyTraces.draw(5, AnomalyTraces.Recipe.clean(FIVE_MINUTES_MS, 8));
    int gapFrom = 5 * 288;
    List<PointScore> scores = trace.without(gapFrom, gapFrom + 2 * 288).scoreAll(FIVE_MINUTE);

    PointScore first = scores.get(gapFrom);
    assertEquals(trace.timestampsMs()[gapFrom + 2 * 288], first.timestampMs());
    assertTrue(Double.isNaN(first.expected()), "nothing known to expect after the restart");
    assertEquals(AnomalyKind.NONE, first.kind());
  }

  @Test
  void aSeriesFlatToTheByteDoesNotCallAPageSizedChangeASpike() {
    AnomalyScorer scorer = new AnomalyScorer(FIVE_MINUTE);
    List<PointScore> scores = new ArrayList<>();
    double rss = 104_857_600;
    for (int i = 0; i < 600; i++) {
      double value = rss + (i % 97 == 0 ? 4096 : 0) + (i >= 500 ? 0.2 * rss : 0);
      scorer.add(AnomalyTraces.START_MS + i * FIVE_MINUTES_MS, value).ifPresent(scores::add);
    }

    List<PointScore> anomalies = scores.stream().filter(PointScore::anomalous).toList();
    assertFalse(anomalies.isEmpty());
    assertEquals(AnomalyTraces.START_MS + 500 * FIVE_MINUTES_MS, anomalies.get(0).timestampMs());
  }

  @Test
  void scoresSparseSamplesWithoutASeasonalModel() {
    AnomalyScorer scorer =
        new AnomalyScorer(AnomalyScorerSettings.forSampleInterval(Duration.ofHours(3)));
    Random noise = new Random(4);
    List<PointScore> scores = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      double value = 1e9 + 5e6 * noise.nextGaussian() + (i == 60 ? 15 * 5e6 : 0);
      scorer.add(AnomalyTraces.START_MS + i * 3 * HOUR_MS, value).ifPresent(scores::add);
    }

    List<PointScore> anomalies = scores.stream().filter(PointScore::anomalous).toList();
    assertEquals(1, anomalies.size(), "" + anomalies);
    assertEquals(AnomalyTraces.START_MS + 60 * 3 * HOUR_MS, anomalies.get(0).timestampMs());
    assertEquals(AnomalyKind.SPIKE, anomalies.get(0).kind());
  }
}
