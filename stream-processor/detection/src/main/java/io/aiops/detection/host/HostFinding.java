package io.aiops.detection.host;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A host-level memory problem found in one reading (or a sustained run of them).
 *
 * @param kind what the problem is
 * @param severity WARNING or CRITICAL as each detector defines them
 * @param score strength in 0..1: 0.5 on the warning threshold, 1 at the critical one
 * @param summary one line for people, with the figures that matter
 * @param evidence named figures in snake_case with their unit in the name, in a stable order
 */
public record HostFinding(
    HostFindingKind kind,
    Severity severity,
    double score,
    String summary,
    Map<String, Double> evidence) {

  public HostFinding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in 0..1: " + score);
    }
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }
}
