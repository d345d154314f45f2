package io.aiops.detection.anomaly;

/**
 * What kind of departure a scored point is: the small set automation and people act on.
 *
 * <ul>
 *   <li>{@link #SPIKE} / {@link #DIP}: a point far above / below what the daily pattern and the
 *       recent level predict, not (yet) part of a lasting change.
 *   <li>{@link #LEVEL_SHIFT}: a lasting change of level, either way (a deploy, a cache resize, a
 *       restart); also a lasting decline.
 *   <li>{@link #GROWTH}: a change of trend upward, residuals that grow point after point (the onset
 *       of a leak, a queue building up).
 * </ul>
 */
public enum AnomalyKind {
  /** Nothing unusual: the point scored 0. */
  NONE("none"),
  SPIKE("spike"),
  DIP("dip"),
  LEVEL_SHIFT("level_shift"),
  GROWTH("growth");

  private final String label;

  AnomalyKind(String label) {
    this.label = label;
  }

  /** The snake_case name used in JSON and topics. */
  public String label() {
    return label;
  }
}
