package io.aiops.detection.eval;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One generated memory series with its ground truth.
 *
 * @param id stable name, e.g. {@code trace-0042-linear_leak}
 * @param kind what it really is
 * @param startMs wall-clock time of hour 0
 * @param timestampsMs sample times, strictly increasing, with the generated gaps
 * @param valuesBytes RSS at each sample: model plus noise, sawtooth and spikes
 * @param limitBytes the memory limit the process runs against
 * @param model the noise-free process behind the samples
 */
public record LabeledTrace(
    String id,
    TraceKind kind,
    long startMs,
    long[] timestampsMs,
    double[] valuesBytes,
    long limitBytes,
    MemoryModel model) {
  private static final double MS_PER_HOUR = 3_600_000.0;
  private static final double SCAN_STEP_HOURS = 5 / 60.0;

  public LabeledTrace {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    if (timestampsMs.length != valuesBytes.length || timestampsMs.length == 0) {
      throw new IllegalArgumentException(
          "a trace needs as many values as timestamps, at least one");
    }
  }

  public long endMs() {
    return timestampsMs[timestampsMs.length - 1];
  }

  public double hoursAt(long timestampMs) {
    return (timestampMs - startMs) / MS_PER_HOUR;
  }

  /** When the leak began, epoch ms; empty for a series that does not leak. */
  public OptionalDouble onsetMs() {
    if (model.trend() instanceof MemoryModel.Leak leak) {
      return OptionalDouble.of(startMs + leak.onsetHours() * MS_PER_HOUR);
    }
    return OptionalDouble.empty();
  }

  /**
   * The true growth rate since onset, as of {@code atMs}: the model's rise from onset to then,
   * divided by the time (the daily swing cancels by taking the trend alone). Empty before onset or
   * for a non-leak.
   */
  public OptionalDouble growthBytesPerHourSinceOnset(long atMs) {
    if (!(model.trend() instanceof MemoryModel.Leak leak)) {
      return OptionalDouble.empty();
    }
    double hours = hoursAt(atMs);
    double since = hours - leak.onsetHours();
    if (since <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(leak.bytesAt(hours) / since);
  }

  /**
   * Seconds from {@code atMs} until the noise-free model (trend and daily swing) first reaches the
   * limit, scanning forward at most {@code horizonHours}; empty when it does not get there.
   */
  public OptionalDouble trueEtaSeconds(long atMs, double horizonHours) {
    double from = hoursAt(atMs);
    for (double h = from; h <= from + horizonHours; h += SCAN_STEP_HOURS) {
      if (model.bytesAt(h) >= limitBytes) {
        return OptionalDouble.of((h - from) * 3600);
      }
    }
    return OptionalDouble.empty();
  }
}
