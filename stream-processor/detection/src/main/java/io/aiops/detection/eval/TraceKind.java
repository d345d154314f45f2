package io.aiops.detection.eval;

/** What a labeled trace really is: the ground truth an evaluation scores verdicts against. */
public enum TraceKind {
  STABLE(false),
  SEASONAL(false),
  WARM_UP(false),
  STEP(false),
  GC_SAWTOOTH(false),
  SPIKES(false),
  RANDOM_WALK(false),
  LINEAR_LEAK(true),
  STAIRCASE_LEAK(true),
  ACCELERATING_LEAK(true),
  SEASONALITY_HIDDEN_LEAK(true);

  private final boolean leak;

  TraceKind(boolean leak) {
    this.leak = leak;
  }

  public boolean leak() {
    return leak;
  }

  /** snake_case, as printed in reports and label files. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
