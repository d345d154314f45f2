package io.aiops.detection;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Time until a leak reaches its limit, with the range the growth rate's uncertainty allows. Each is
 * empty when that estimate is beyond the horizon (or the limit is unknown); {@code latestSeconds}
 * is also empty when the slowest plausible rate does not grow at all.
 *
 * @param seconds the estimate
 * @param earliestSeconds at the fastest plausible growth (the slope's upper 95 % bound)
 * @param latestSeconds at the slowest plausible growth (the slope's lower 95 % bound)
 * @param accelerating true when the estimate follows a growing rate rather than a straight line
 */
public record OomEta(
    OptionalDouble seconds,
    OptionalDouble earliestSeconds,
    OptionalDouble latestSeconds,
    boolean accelerating) {
  public static final OomEta NONE =
      new OomEta(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), false);

  public OomEta {
    Objects.requireNonNull(seconds, "seconds");
    Objects.requireNonNull(earliestSeconds, "earliestSeconds");
    Objects.requireNonNull(latestSeconds, "latestSeconds");
  }
}
