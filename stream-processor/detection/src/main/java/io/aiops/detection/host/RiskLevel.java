package io.aiops.detection.host;

/**
 * The band a health score falls in. A factor at its detector's warning threshold costs 45 points
 * and one at the critical threshold 65, so one such factor alone lands in the band of the same
 * name, and several lesser ones add up to it.
 */
public enum RiskLevel {
  /** 80–100. */
  OK,
  /** 60–79: something is drifting; look before it becomes a warning. */
  WATCH,
  /** 40–59. */
  WARNING,
  /** 0–39. */
  CRITICAL;

  static RiskLevel ofScore(int score) {
    if (score >= 80) {
      return OK;
    }
    if (score >= 60) {
      return WATCH;
    }
    return score >= 40 ? WARNING : CRITICAL;
  }
}
