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
}
