package io.aiops.detection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What the leak detector concluded about one series, and the figures behind it.
 *
 * <p>{@code classification} is one of:
 *
 * <ul>
 *   <li>{@code insufficient_history}: too short a history (span or points) for any verdict;
 *   <li>{@code linear_leak}: steady, significant growth since its onset, a staircase of allocations
 *       included;
 *   <li>{@code accelerating_leak}: a leak whose rate itself grows (a parabola since the onset fits
 *       significantly better than a line); its ETA follows the growing rate;
 *   <li>{@code warm_up}: growth that stopped: a significant rise in the older half only, or a
 *       fitted ramp-then-plateau;
 *   <li>{@code recent_growth}: growth in the newer half only, or a fitted late ramp, not yet steady
 *       long enough to be called a leak; re-evaluated as history accumulates;
 *   <li>{@code step}: a one-off jump between two flat stretches (deploy, cache fill);
 *   <li>{@code wander}: growth that would pass for a leak, but the growth since the same time
 *       yesterday scatters as widely as it grows: memory drifting up and down (a cache or a queue
 *       filling and draining), not a steady climb;
 *   <li>{@code seasonal}: no growth, but a daily swing of at least 3 % of the level;
 *   <li>{@code stable}: none of the above.
 * </ul>
 *
 * @param leak true for {@code linear_leak} and {@code accelerating_leak}
 * @param classification snake_case class, see above
 * @param confidence in 0..1, how strongly the weakest piece of evidence supports this verdict (0.5
 *     on a threshold, 0 for insufficient history)
 * @param growthBytesPerHour robust slope since the onset for a leak, over the window otherwise
 * @param trendBytes the trend line's value at the newest point, daily swing removed
 * @param onsetMs when the growth began, empty when no leak
 * @param oomEta time until the daily peak reaches the limit, with its range; empty when no leak, no
 *     limit or beyond the horizon
 * @param evidence named figures in snake_case with units, in a stable order
 */
public record LeakVerdict(
    boolean leak,
    String classification,
    double confidence,
    double growthBytesPerHour,
    double trendBytes,
    OptionalLong onsetMs,
    OomEta oomEta,
    Map<String, Double> evidence) {
  public static final String INSUFFICIENT_HISTORY = "insufficient_history";
  public static final String LINEAR_LEAK = "linear_leak";
  public static final String ACCELERATING_LEAK = "accelerating_leak";
  public static final String WARM_UP = "warm_up";
  public static final String RECENT_GROWTH = "recent_growth";
  public static final String STEP = "step";
  public static final String WANDER = "wander";
  public static final String SEASONAL = "seasonal";
  public static final String STABLE = "stable";

  public LeakVerdict {
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(onsetMs, "onsetMs");
    Objects.requireNonNull(oomEta, "oomEta");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within 0..1: " + confidence);
    }
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }

  /** Seconds until the limit, the estimate of {@link #oomEta()}. */
  public OptionalDouble oomEtaSeconds() {
    return oomEta.seconds();
  }
}
