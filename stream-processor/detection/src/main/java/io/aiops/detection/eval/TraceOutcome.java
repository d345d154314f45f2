package io.aiops.detection.eval;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What one detector said about one trace, replayed sample by sample.
 *
 * @param flagged the detector called a leak at some evaluation (for a leak trace: at or after the
 *     onset); every such call would have reached a person or an automation
 * @param firstFlagMs when it first did
 * @param judgedAtMs time of the verdict the figures below come from (the last one that said leak)
 * @param growthBytesPerHour the estimated growth rate at that verdict
 * @param etaSeconds the estimated time to the limit at that verdict
 */
public record TraceOutcome(
    boolean flagged,
    OptionalLong firstFlagMs,
    long judgedAtMs,
    OptionalDouble growthBytesPerHour,
    OptionalDouble etaSeconds) {

  static TraceOutcome notFlagged(long endMs) {
    return new TraceOutcome(
        false, OptionalLong.empty(), endMs, OptionalDouble.empty(), OptionalDouble.empty());
  }
}
