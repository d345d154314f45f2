package io.aiops.cli.up;

import io.aiops.sinks.store.TrendRetention;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@code aiops up} needs, validated once.
 *
 * @param kafkaPort 0 picks a free port (as do the other ports)
 * @param simulatedStep simulated time between two samples of a simulated host
 * @param timeScale how much faster than real time the simulation runs
 * @param localInterval sampling interval of this machine's own collector; null: no local collector
 * @param trendRetention how long the query store keeps each process's trend points
 */
public record UpSettings(
    Path dataDir,
    int kafkaPort,
    int controllerPort,
    int registryPort,
    int apiPort,
    int simulatedHosts,
    Duration simulatedStep,
    double timeScale,
    Duration localInterval,
    long seed,
    TrendRetention trendRetention) {

  public UpSettings {
    requirePort("--kafka-port", kafkaPort);
    requirePort("--controller-port", controllerPort);
    requirePort("--registry-port", registryPort);
    requirePort("--api-port", apiPort);
    if (simulatedHosts < 0 || simulatedHosts > 10_000) {
      throw new IllegalArgumentException(
          "--simulate-hosts must be between 0 and 10000, was " + simulatedHosts);
    }
    if (!(timeScale > 0)) {
      throw new IllegalArgumentException("--time-scale must be positive, was " + timeScale);
    }
    if (simulatedStep.isNegative() || simulatedStep.isZero()) {
      throw new IllegalArgumentException("--simulated-step must be positive");
    }
    Objects.requireNonNull(trendRetention, "trendRetention");
    if (localInterval != null && localInterval.toMillis() < 100) {
      throw new IllegalArgumentException("--interval must be at least 100ms, was " + localInterval);
    }
  }

  private static void requirePort(String option, int port) {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(option + " must be 0..65535, was " + port);
    }
  }
}
