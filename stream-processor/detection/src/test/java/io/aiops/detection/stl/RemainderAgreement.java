package io.aiops.detection.stl;

import io.aiops.detection.RobustScale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How closely online remainders follow batch ones over an evaluation range: the points after the
 * online warm-up, less any excluded (around level shifts).
 */
final class RemainderAgreement {
  static final double SPIKE_Z = 4;

  final double[] online;
  final double[] batch;
  final boolean[] evaluated;

  private RemainderAgreement(double[] online, double[] batch, boolean[] evaluated) {
    this.online = online;
    this.batch = batch;
    this.evaluated = evaluated;
  }

  /** Streams {@code series} through a new {@link OnlineStl}; NaN remainders during warm-up. */
  static double[] onlineRemainders(OnlineStlSettings settings, double[] series) {
    OnlineStl online = new OnlineStl(settings);
    double[] remainders = new double[series.length];
    for (int i = 0; i < series.length; i++) {
      Optional<OnlineStlPoint> point = online.add(series[i]);
      remainders[i] = point.map(OnlineStlPoint::remainder).orElse(Double.NaN);
    }
    return remainders;
  }

  /** Evaluates from {@code firstPoint} on, except within {@code radius} of each excluded point. */
  static RemainderAgreement of(
      double[] online, double[] batch, int firstPoint, List<Integer> excluded, int radius) {
    boolean[] evaluated = new boolean[batch.length];
    Arrays.fill(evaluated, firstPoint, batch.length, true);
    for (int centre : excluded) {
      Arrays.fill(
          evaluated,
          Math.max(0, centre - radius),
          Math.min(batch.length, centre + radius + 1),
          false);
    }
    return new RemainderAgreement(online, batch, evaluated);
  }

  double rmsDifference() {
    double sum = 0;
    int count = 0;
    for (int i = 0; i < batch.length; i++) {
      if (evaluated[i]) {
        double d = online[i] - batch[i];
        sum += d * d;
        count++;
      }
    }
    return Math.sqrt(sum / count);
  }

  double batchRobustSd() {
    return robustSd(evaluatedValues(batch));
  }

  List<Integer> onlineSpikes() {
    return spikes(online);
  }

  List<Integer> batchSpikes() {
    return spikes(batch);
  }

  List<Integer> evaluatedAmong(List<Integer> indices) {
    return indices.stream().filter(i -> evaluated[i]).toList();
  }

  /**
   * Points of the evaluation range whose robust z (median, 1.4826 MAD) exceeds {@link #SPIKE_Z}.
   */
  private List<Integer> spikes(double[] remainders) {
    double[] values = evaluatedValues(remainders);
    double centre = median(values);
    double sd = robustSd(values);
    List<Integer> spikes = new ArrayList<>();
    for (int i = 0; i < remainders.length; i++) {
      if (evaluated[i] && Math.abs(remainders[i] - centre) / sd > SPIKE_Z) {
        spikes.add(i);
      }
    }
    return spikes;
  }

  private double[] evaluatedValues(double[] values) {
    double[] kept = new double[values.length];
    int count = 0;
    for (int i = 0; i < values.length; i++) {
      if (evaluated[i]) {
        kept[count++] = values[i];
      }
    }
    return Arrays.copyOf(kept, count);
  }

  static double robustSd(double[] values) {
    double centre = median(values);
    double[] deviations = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      deviations[i] = Math.abs(values[i] - centre);
    }
    return RobustScale.MAD_TO_SD * median(deviations);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return (sorted[(n - 1) / 2] + sorted[n / 2]) / 2;
  }
}
