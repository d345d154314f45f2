package io.aiops.detection.host;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A host's memory health, 0–100 (100: nothing wrong), its risk band and the factors that cost
 * points, worst first.
 *
 * <p>score = round(max(0, 100 − Σ penalty)) over six factors: usage, pressure (PSI, or direct
 * reclaim without it), swap, fragmentation, cache refaults and writeback. Each penalty is a
 * non-decreasing function of "higher is worse" signals, so the score is deterministic and never
 * rises when any signal worsens. It is a snapshot: the detectors' "sustained for N minutes" rules
 * are not applied here.
 *
 * @param score 0–100
 * @param risk the band of the score
 * @param factors the factors with a penalty, highest penalty first (ties in {@link
 *     HealthFactorKind} order)
 */
public record HostHealthScore(int score, RiskLevel risk, List<HealthFactor> factors) {
  private static final Comparator<HealthFactor> WORST_FIRST =
      Comparator.comparingDouble(HealthFactor::penaltyPoints)
          .reversed()
          .thenComparing(HealthFactor::kind);

  public HostHealthScore {
    Objects.requireNonNull(risk, "risk");
    factors = List.copyOf(factors);
    if (score < 0 || score > 100) {
      throw new IllegalArgumentException("score must be in 0..100: " + score);
    }
  }

  public static HostHealthScore of(HostMemoryReading reading, Optional<HostRates> rates) {
    return of(HostHealthSignals.from(reading, rates));
  }

  public static HostHealthScore of(HostHealthSignals signals) {
    List<HealthFactor> all = HealthPenalties.all(signals);
    double penalty = all.stream().mapToDouble(HealthFactor::penaltyPoints).sum();
    int score = (int) Math.round(Math.max(0, 100 - penalty));
    List<HealthFactor> contributing =
        all.stream().filter(f -> f.penaltyPoints() > 0).sorted(WORST_FIRST).toList();
    return new HostHealthScore(score, RiskLevel.ofScore(score), contributing);
  }

  /**
   * Every factor with its observation, in {@link HealthFactorKind} order, whether it costs points
   * or not: for reports that show each signal, the healthy ones too.
   */
  public static List<HealthFactor> everyFactor(HostHealthSignals signals) {
    return HealthPenalties.all(signals);
  }

  /** The factor costing the most points, if any costs points. */
  public Optional<HealthFactor> topFactor() {
    return factors.isEmpty() ? Optional.empty() : Optional.of(factors.get(0));
  }
}
