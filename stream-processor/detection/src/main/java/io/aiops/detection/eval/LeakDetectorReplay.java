package io.aiops.detection.eval;

import io.aiops.detection.LeakDetector;
import io.aiops.detection.LeakDetectorSettings;
import io.aiops.detection.LeakVerdict;
import io.aiops.detection.PointHistory;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Replays a trace through the product's detector exactly as the stream processor runs it: samples
 * into a 30-minute × 96 {@link PointHistory}, a verdict at every bucket close.
 */
public final class LeakDetectorReplay implements TraceDetector {
  private static final long BUCKET_MS = 30 * 60_000L;
  private static final int CAPACITY = 96;

  private final LeakDetector detector;

  public LeakDetectorReplay(LeakDetectorSettings settings) {
    this.detector = new LeakDetector(settings);
  }

  @Override
  public String name() {
    return "aiops";
  }

  @Override
  public TraceOutcome replay(LabeledTrace trace) {
    PointHistory history = new PointHistory(BUCKET_MS, CAPACITY);
    long notBeforeMs = (long) trace.onsetMs().orElse(Double.NEGATIVE_INFINITY);
    Long firstFlagMs = null;
    LeakVerdict lastLeak = null;
    long lastLeakAtMs = trace.endMs();
    long[] times = trace.timestampsMs();
    double[] values = trace.valuesBytes();
    for (int i = 0; i < times.length; i++) {
      if (!history.add(times[i], values[i])) {
        continue;
      }
      LeakVerdict verdict = detector.evaluate(history, trace.limitBytes());
      if (verdict.leak() && times[i] >= notBeforeMs) {
        if (firstFlagMs == null) {
          firstFlagMs = times[i];
        }
        lastLeak = verdict;
        lastLeakAtMs = times[i];
      }
    }
    if (lastLeak == null) {
      return TraceOutcome.notFlagged(trace.endMs());
    }
    return new TraceOutcome(
        true,
        OptionalLong.of(firstFlagMs),
        lastLeakAtMs,
        OptionalDouble.of(lastLeak.growthBytesPerHour()),
        lastLeak.oomEtaSeconds());
  }
}
