package io.aiops.detection.eval;

import java.util.ArrayDeque;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The rule used in the field, for comparison: Prometheus {@code predict_linear(rss[6h], 24h) >
 * limit}, an ordinary least-squares line over the last 6 h of raw samples, evaluated every minute
 * as an alerting rule is. Its growth rate is the line's slope; its ETA where the line meets the
 * limit.
 */
public final class PredictLinearRule implements TraceDetector {
  private static final long WINDOW_MS = 6 * 3_600_000L;
  private static final double PROJECTION_HOURS = 24;
  private static final long EVALUATION_INTERVAL_MS = 60_000L;
  // Prometheus needs two samples; an alert on the first minutes of a series would be noise.
  private static final long MIN_SPAN_MS = 3_600_000L;

  @Override
  public String name() {
    return "predict_linear";
  }

  @Override
  public TraceOutcome replay(LabeledTrace trace) {
    long[] times = trace.timestampsMs();
    double[] values = trace.valuesBytes();
    long notBeforeMs = (long) trace.onsetMs().orElse(Double.NEGATIVE_INFINITY);
    ArrayDeque<Integer> window = new ArrayDeque<>();
    RunningLine line = new RunningLine(trace.startMs());
    long nextEvalMs = Long.MIN_VALUE;
    Long firstFlagMs = null;
    long lastFlagMs = trace.endMs();
    double lastSlope = 0;
    double lastEtaSeconds = Double.NaN;
    for (int i = 0; i < times.length; i++) {
      window.addLast(i);
      line.add(times[i], values[i]);
      while (times[window.peekFirst()] < times[i] - WINDOW_MS) {
        int old = window.pollFirst();
        line.remove(times[old], values[old]);
      }
      if (times[i] < nextEvalMs || times[i] - times[window.peekFirst()] < MIN_SPAN_MS) {
        continue;
      }
      nextEvalMs = times[i] + EVALUATION_INTERVAL_MS;
      double slopePerHour = line.slopePerMs() * 3_600_000.0;
      double now = line.valueAt(times[i]);
      boolean fires = now + slopePerHour * PROJECTION_HOURS > trace.limitBytes();
      if (fires && times[i] >= notBeforeMs) {
        if (firstFlagMs == null) {
          firstFlagMs = times[i];
        }
        lastFlagMs = times[i];
        lastSlope = slopePerHour;
        lastEtaSeconds =
            slopePerHour > 0 ? Math.max(0, (trace.limitBytes() - now) / slopePerHour * 3600) : 0;
      }
    }
    if (firstFlagMs == null) {
      return TraceOutcome.notFlagged(trace.endMs());
    }
    return new TraceOutcome(
        true,
        OptionalLong.of(firstFlagMs),
        lastFlagMs,
        OptionalDouble.of(lastSlope),
        OptionalDouble.of(lastEtaSeconds));
  }

  /** OLS sums kept incrementally; times relative to an origin keep the sums precise. */
  private static final class RunningLine {
    private final long originMs;
    private double n;
    private double sumT;
    private double sumTT;
    private double sumV;
    private double sumTV;

    RunningLine(long originMs) {
      this.originMs = originMs;
    }

    void add(long timeMs, double value) {
      update(timeMs, value, 1);
    }

    void remove(long timeMs, double value) {
      update(timeMs, value, -1);
    }

    private void update(long timeMs, double value, int sign) {
      double t = (timeMs - originMs) / 1000.0;
      n += sign;
      sumT += sign * t;
      sumTT += sign * t * t;
      sumV += sign * value;
      sumTV += sign * t * value;
    }

    double slopePerMs() {
      double denominator = n * sumTT - sumT * sumT;
      return denominator <= 0 ? 0 : (n * sumTV - sumT * sumV) / denominator / 1000.0;
    }

    double valueAt(long timeMs) {
      double t = (timeMs - originMs) / 1000.0;
      double slopePerSecond = slopePerMs() * 1000.0;
      return (sumV - slopePerSecond * sumT) / n + slopePerSecond * t;
    }
  }
}
