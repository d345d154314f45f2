package io.aiops.detection.eval;

/** A leak detector under evaluation: replays one trace and says what it would have reported. */
public interface TraceDetector {
  String name();

  TraceOutcome replay(LabeledTrace trace);
}
