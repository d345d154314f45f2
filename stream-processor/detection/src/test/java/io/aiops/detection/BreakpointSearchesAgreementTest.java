package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.detection.eval.LabeledTrace;
import io.aiops.detection.eval.LabeledTraceGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The breakpoint searches take each candidate's squared error from sums kept over the points
 * instead of refitting the candidate over every point. Rounding differs, so a near tie could in
 * principle go the other way; these check, on every history that replays of generated traces judge,
 * that the searches choose what refitting chose and that the verdicts stay the same:
 * classification, onset and ETA presence equal, every figure within {@link #RELATIVE_TOLERANCE}.
 */
class BreakpointSearchesAgreementTest {
  private static final long SEED = 20261122L;
  // Three traces of each kind: some 3,500 verdicts, at a few ms each for the reference. A one-off
  // run over 660 traces (seeds 20261122, 7 and 99: 62,294 verdicts, 7,148 of them leaks) found
  // every verdict equal to the bit.
  private static final int TRACES = 33;
  private static final long BUCKET_MS = 1_800_000L;
  private static final int CAPACITY = 96;

  /** Figures computed from the same choices differ by rounding at most; these agree to the bit. */
  private static final double RELATIVE_TOLERANCE = 1e-9;

  private static final BreakpointSearches EXHAUSTIVE =
      new BreakpointSearches(ExhaustiveDailySwingFit::fit, ExhaustiveOnsetEstimator::onsetIndex);

  @Test
  void swingFitChoosesTheShapeBendsAndCoefficientsOfAFitPerCandidate() {
    List<double[][]> histories = histories(new LabeledTraceGenerator(7L).generate(TRACES));
    for (double[][] h : histories) {
      assertEquals(ExhaustiveDailySwingFit.fit(h[0], h[1]), DailySwingFit.fit(h[0], h[1]));
    }
    assertTrue(histories.size() > 2_500, "histories " + histories.size());
  }

  @Test
  void onsetSearchChoosesTheBreakpointOfARefitPerBreakpoint() {
    for (double[][] h : histories(new LabeledTraceGenerator(99L).generate(TRACES))) {
      double[] level = DailySwingFit.fit(h[0], h[1]).swing().removeFrom(h[0], h[1]);
      assertEquals(
          ExhaustiveOnsetEstimator.onsetIndex(h[0], h[1]), OnsetEstimator.onsetIndex(h[0], h[1]));
      assertEquals(
          ExhaustiveOnsetEstimator.onsetIndex(h[0], level), OnsetEstimator.onsetIndex(h[0], level));
    }
  }

  @Test
  void verdictsAreThoseOfTheExhaustiveSearchesOnGeneratedTraces() {
    LeakDetectorSettings settings = LeakDetectorSettings.defaults();
    LeakDetector product = new LeakDetector(settings);
    LeakDetector reference = new LeakDetector(settings, EXHAUSTIVE);
    int verdicts = 0;
    int leaks = 0;
    for (LabeledTrace trace : new LabeledTraceGenerator(SEED).generate(TRACES)) {
      PointHistory history = new PointHistory(BUCKET_MS, CAPACITY);
      long[] times = trace.timestampsMs();
      double[] values = trace.valuesBytes();
      for (int i = 0; i < times.length; i++) {
        if (history.add(times[i], values[i])) {
          LeakVerdict expected = reference.evaluate(history, trace.limitBytes());
          LeakVerdict actual = product.evaluate(history, trace.limitBytes());
          assertSameVerdict(expected, actual, trace.id() + " at " + times[i]);
          verdicts++;
          leaks += expected.leak() ? 1 : 0;
        }
      }
    }
    assertTrue(verdicts > 3_000 && leaks > 300, verdicts + " verdicts, " + leaks + " leaks");
  }

  private static void assertSameVerdict(LeakVerdict expected, LeakVerdict actual, String where) {
    assertEquals(expected.classification(), actual.classification(), where);
    assertEquals(expected.leak(), actual.leak(), where);
    assertEquals(expected.onsetMs(), actual.onsetMs(), where);
    assertClose(expected.confidence(), actual.confidence(), where + " confidence");
    assertClose(expected.growthBytesPerHour(), actual.growthBytesPerHour(), where + " growth");
    assertClose(expected.trendBytes(), actual.trendBytes(), where + " trend");
    assertClose(expected.oomEta().seconds(), actual.oomEta().seconds(), where + " eta");
    assertClose(
        expected.oomEta().earliestSeconds(),
        actual.oomEta().earliestSeconds(),
        where + " earliest");
    assertClose(
        expected.oomEta().latestSeconds(), actual.oomEta().latestSeconds(), where + " latest");
    assertEquals(expected.oomEta().accelerating(), actual.oomEta().accelerating(), where);
    assertEquals(expected.evidence().keySet(), actual.evidence().keySet(), where);
    for (Map.Entry<String, Double> figure : expected.evidence().entrySet()) {
      assertClose(figure.getValue(), actual.evidence().get(figure.getKey()), where + " " + figure);
    }
  }

  private static void assertClose(OptionalDouble expected, OptionalDouble actual, String what) {
    assertEquals(expected.isPresent(), actual.isPresent(), what);
    if (expected.isPresent()) {
      assertClose(expected.getAsDouble(), actual.getAsDouble(), what);
    }
  }

  private static void assertClose(double expected, double actual, String what) {
    assertEquals(expected, actual, RELATIVE_TOLERANCE * Math.max(1, Math.abs(expected)), what);
  }

  /** Every closed history a replay judges: times from its oldest point, and values. */
  private static List<double[][]> histories(List<LabeledTrace> traces) {
    List<double[][]> histories = new ArrayList<>();
    for (LabeledTrace trace : traces) {
      PointHistory history = new PointHistory(BUCKET_MS, CAPACITY);
      long[] times = trace.timestampsMs();
      double[] values = trace.valuesBytes();
      for (int s = 0; s < times.length; s++) {
        if (history.add(times[s], values[s]) && history.size() >= 3) {
          histories.add(DetectionFixtures.relativePoints(history));
        }
      }
    }
    return histories;
  }
}
