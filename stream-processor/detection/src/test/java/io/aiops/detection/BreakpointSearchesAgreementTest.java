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
  // Three traces of each kind: some 2,200 verdicts (a tenth of those at 24-47 h), at a few ms each
  // for the reference. A one-off run over 660 traces (seeds 20261122, 7 and 99: 62,294 verdicts,
  // 7,148 of them leaks) found every verdict equal to the bit, before the daily pulse.
  private static final int TRACES = 33;
  private static final long BUCKET_MS = 1_800_000L;
  private static final int CAPACITY = 96;

  /**
   * Of the histories whose swing fit tries daily pulses (24 to 47 h), one in this many: the
   * reference refits 140 pulses' every shape and bend, some 0.35 s a history.
   */
  private static final int PULSE_AGE_SAMPLE = 10;

  /** Figures computed from the same choices differ by rounding at most; these agree to the bit. */
  private static final double RELATIVE_TOLERANCE = 1e-9;

  private static final BreakpointSearches EXHAUSTIVE =
      new BreakpointSearches(ExhaustiveDailySwingFit::fit, ExhaustiveOnsetEstimator::onsetIndex);

  @Test
  void swingFitChoosesTheShapeBendsAndCoefficientsOfAFitPerCandidate() {
    List<double[][]> histories = histories(new LabeledTraceGenerator(7L).generate(TRACES));
    int pulses = 0;
    for (double[][] h : histories) {
      DailySwingFit fit = DailySwingFit.fit(h[0], h[1]);
      assertEquals(ExhaustiveDailySwingFit.fit(h[0], h[1]), fit);
      pulses += fit.swing().pulse().equals(DailyPulse.NONE) ? 0 : 1;
    }
    assertTrue(histories.size() > 2_000, "histories " + histories.size());
    assertTrue(pulses > 20, "fits with a daily pulse " + pulses);
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
    PulseAgeSampler sampler = new PulseAgeSampler();
    for (LabeledTrace trace : new LabeledTraceGenerator(SEED).generate(TRACES)) {
      PointHistory history = new PointHistory(BUCKET_MS, CAPACITY);
      long[] times = trace.timestampsMs();
      double[] values = trace.valuesBytes();
      for (int i = 0; i < times.length; i++) {
        if (history.add(times[i], values[i]) && sampler.keeps(history)) {
          LeakVerdict expected = reference.evaluate(history, trace.limitBytes());
          LeakVerdict actual = product.evaluate(history, trace.limitBytes());
          assertSameVerdict(expected, actual, trace.id() + " at " + times[i]);
          verdicts++;
          leaks += expected.leak() ? 1 : 0;
        }
      }
    }
    assertTrue(verdicts > 2_000 && leaks > 150, verdicts + " verdicts, " + leaks + " leaks");
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
    PulseAgeSampler sampler = new PulseAgeSampler();
    for (LabeledTrace trace : traces) {
      PointHistory history = new PointHistory(BUCKET_MS, CAPACITY);
      long[] times = trace.timestampsMs();
      double[] values = trace.valuesBytes();
      for (int s = 0; s < times.length; s++) {
        if (history.add(times[s], values[s]) && history.size() >= 3 && sampler.keeps(history)) {
          histories.add(DetectionFixtures.relativePoints(history));
        }
      }
    }
    return histories;
  }

  /** Keeps every history outside the pulse ages and one in {@link #PULSE_AGE_SAMPLE} inside. */
  private static final class PulseAgeSampler {
    private int seen;

    boolean keeps(PointHistory history) {
      double spanMs = history.timestampMsAt(history.size() - 1) - history.timestampMsAt(0);
      if (spanMs < DailySwing.DAY_MS || spanMs >= DailySwingFit.PULSE_UNTIL_MS) {
        return true;
      }
      return seen++ % PULSE_AGE_SAMPLE == 0;
    }
  }
}
