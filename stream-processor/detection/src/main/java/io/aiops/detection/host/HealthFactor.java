package io.aiops.detection.host;

import java.util.Objects;

/**
 * One part of a host's health score.
 *
 * @param kind which part
 * @param penaltyPoints points taken off the 100
 * @param observation what was measured, one line with units
 * @param advice what to do about it, one line
 */
public record HealthFactor(
    HealthFactorKind kind, double penaltyPoints, String observation, String advice) {

  public HealthFactor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(observation, "observation");
    Objects.requireNonNull(advice, "advice");
    if (!(penaltyPoints >= 0 && penaltyPoints <= 100)) {
      throw new IllegalArgumentException("penaltyPoints must be in 0..100: " + penaltyPoints);
    }
  }

  /**
   * The band this factor alone would put the host in: its knots sit at the band edges (25 points
   * watch, 45 warning, 65 critical), so this is the factor's own state.
   */
  public RiskLevel risk() {
    return RiskLevel.ofScore((int) Math.round(100 - penaltyPoints));
  }
}
