package io.aiops.detection.host;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns two readings of cumulative vmstat counters into per-second rates, refusing pairs that
 * straddle a reboot or a gap.
 */
public final class CounterRates {
  /**
   * Samples come every 5–60 s. Over more than a few minutes an average hides a storm, and a longer
   * hole means the collector (or the host) was away: better no rate than a smeared one.
   */
  public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofMinutes(5);

  private final long maxIntervalMs;

  public CounterRates() {
    this(DEFAULT_MAX_INTERVAL);
  }

  public CounterRates(Duration maxInterval) {
    Objects.requireNonNull(maxInterval, "maxInterval");
    if (maxInterval.isNegative() || maxInterval.isZero()) {
      throw new IllegalArgumentException("maxInterval must be positive: " + maxInterval);
    }
    this.maxIntervalMs = maxInterval.toMillis();
  }

  /**
   * Rates from {@code previous} to {@code current}; empty when the interval is not positive
   * (duplicate or out-of-order sample), longer than the maximum, or crosses a reboot (another boot
   * id, or any counter lower than before).
   */
  public Optional<HostRates> between(HostMemoryReading previous, HostMemoryReading current) {
    long intervalMs = current.timestampMs() - previous.timestampMs();
    if (intervalMs <= 0 || intervalMs > maxIntervalMs || rebooted(previous, current)) {
      return Optional.empty();
    }
    double seconds = intervalMs / 1000.0;
    VmCounters from = previous.vmstat();
    VmCounters to = current.vmstat();
    return Optional.of(
        new HostRates(
            previous.timestampMs(),
            current.timestampMs(),
            current.pageSizeBytes(),
            rate(from.pswpin(), to.pswpin(), seconds),
            rate(from.pswpout(), to.pswpout(), seconds),
            rate(from.pgmajfault(), to.pgmajfault(), seconds),
            rate(from.fileRefaults(), to.fileRefaults(), seconds),
            rate(from.pgscanKswapd(), to.pgscanKswapd(), seconds),
            rate(from.pgscanDirect(), to.pgscanDirect(), seconds),
            rate(from.pgstealKswapd(), to.pgstealKswapd(), seconds),
            rate(from.pgstealDirect(), to.pgstealDirect(), seconds),
            rate(from.allocstall(), to.allocstall(), seconds)));
  }

  private static boolean rebooted(HostMemoryReading previous, HostMemoryReading current) {
    boolean newBoot =
        previous.bootId() != null
            && current.bootId() != null
            && !previous.bootId().equals(current.bootId());
    return newBoot || previous.vmstat().anyDecreaseTo(current.vmstat());
  }

  private static OptionalDouble rate(Long before, Long after, double seconds) {
    if (before == null || after == null) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((after - before) / seconds);
  }
}
