package io.aiops.detection.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One detector's figures over a set of labeled traces: confusion counts, precision and recall,
 * growth-rate and ETA errors (relative, over the leaks it found) and detection delay after onset.
 */
public final class DetectorScore {
  private final String detector;
  private final double etaHorizonHours;
  private int truePositives;
  private int falsePositives;
  private int falseNegatives;
  private int trueNegatives;
  private int leaksWithTrueEta;
  private final List<Double> rateErrors = new ArrayList<>();
  private final List<Double> etaErrors = new ArrayList<>();
  private final List<Double> delaysHours = new ArrayList<>();
  private final Map<String, int[]> byKind = new TreeMap<>();
  private final Map<String, int[]> byLength = new TreeMap<>();

  /**
   * Bounds of the trace-length bands reported apart, in hours: under a day and a half, a daily
   * swing and a trend share most of the history and are hard to tell apart, which is where leaks
   * are missed.
   */
  static final int[] LENGTH_BAND_HOURS = {24, 36, 48, 72};

  public DetectorScore(String detector, double etaHorizonHours) {
    this.detector = detector;
    this.etaHorizonHours = etaHorizonHours;
  }

  /** Scores one outcome against the trace's truth. */
  public void add(LabeledTrace trace, TraceOutcome outcome) {
    int[] kindCounts = byKind.computeIfAbsent(trace.kind().label(), k -> new int[2]);
    kindCounts[0]++;
    if (outcome.flagged()) {
      kindCounts[1]++;
    }
    int[] lengthCounts =
        byLength.computeIfAbsent(lengthBand(trace.hoursAt(trace.endMs())), k -> new int[4]);
    lengthCounts[trace.kind().leak() ? 0 : 2]++;
    if (outcome.flagged()) {
      lengthCounts[trace.kind().leak() ? 1 : 3]++;
    }
    if (!trace.kind().leak()) {
      if (outcome.flagged()) {
        falsePositives++;
      } else {
        trueNegatives++;
      }
      return;
    }
    if (!outcome.flagged()) {
      falseNegatives++;
      return;
    }
    truePositives++;
    long at = outcome.judgedAtMs();
    trace
        .growthBytesPerHourSinceOnset(at)
        .ifPresent(
            truth ->
                outcome
                    .growthBytesPerHour()
                    .ifPresent(est -> rateErrors.add(Math.abs(est - truth) / truth)));
    outcome
        .firstFlagMs()
        .ifPresent(first -> delaysHours.add((first - trace.onsetMs().getAsDouble()) / 3_600_000.0));
    var trueEta = trace.trueEtaSeconds(at, etaHorizonHours);
    if (trueEta.isPresent()) {
      leaksWithTrueEta++;
      double truth = Math.max(trueEta.getAsDouble(), 3600);
      // A missing ETA for an exhaustion that is coming is as wrong as an ETA can be: 100 %.
      double error =
          outcome.etaSeconds().isPresent()
              ? Math.abs(outcome.etaSeconds().getAsDouble() - trueEta.getAsDouble()) / truth
              : 1.0;
      etaErrors.add(error);
    }
  }

  public String detector() {
    return detector;
  }

  public double precision() {
    int flagged = truePositives + falsePositives;
    return flagged == 0 ? 1 : (double) truePositives / flagged;
  }

  public double recall() {
    int leaks = truePositives + falseNegatives;
    return leaks == 0 ? 1 : (double) truePositives / leaks;
  }

  public double accuracy() {
    int all = truePositives + falsePositives + falseNegatives + trueNegatives;
    return all == 0 ? 1 : (double) (truePositives + trueNegatives) / all;
  }

  public int truePositives() {
    return truePositives;
  }

  public int falsePositives() {
    return falsePositives;
  }

  public int falseNegatives() {
    return falseNegatives;
  }

  public int trueNegatives() {
    return trueNegatives;
  }

  /** Leaks found whose true exhaustion lies within the horizon: the ETA errors' population. */
  public int leaksWithTrueEta() {
    return leaksWithTrueEta;
  }

  public double rateErrorQuantile(double q) {
    return quantile(rateErrors, q);
  }

  public double etaErrorQuantile(double q) {
    return quantile(etaErrors, q);
  }

  public double delayHoursQuantile(double q) {
    return quantile(delaysHours, q);
  }

  /** Per kind: {traces, flagged}. */
  public Map<String, int[]> byKind() {
    return byKind;
  }

  /**
   * Per trace-length band ("24-36 h", ...): {leaks, leaks flagged, other traces, others flagged},
   * the recall and the false alarms at each length of history.
   */
  public Map<String, int[]> byLength() {
    return byLength;
  }

  static String lengthBand(double hours) {
    int b = 1;
    while (b < LENGTH_BAND_HOURS.length - 1 && hours >= LENGTH_BAND_HOURS[b]) {
      b++;
    }
    return LENGTH_BAND_HOURS[b - 1] + "-" + LENGTH_BAND_HOURS[b] + " h";
  }

  /** Nearest-rank quantile; NaN when there is nothing to rank. */
  static double quantile(List<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
