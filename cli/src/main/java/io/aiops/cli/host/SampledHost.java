package io.aiops.cli.host;

import io.aiops.detection.host.HostRates;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a diagnosis read: the latest reading and, when rates were measured, the one before it.
 *
 * @param source where it was read: /proc or a recorded tree
 * @param recorded whether the source is a recorded tree rather than this host
 * @param later the latest reading, the one states are reported for
 * @param earlier the reading rates start from; empty when none was taken or recorded
 * @param rates the host library's rates between the two; empty with {@code earlier}, or when the
 *     counters went down between them
 * @param ratesNote why there are no rates, one line; null when there are
 */
public record SampledHost(
    String source,
    boolean recorded,
    HostSnapshot later,
    Optional<HostSnapshot> earlier,
    Optional<HostRates> rates,
    String ratesNote) {

  /** What the report is about, for its title: "this host" or the recorded tree. */
  public String subject() {
    return recorded ? "the recorded tree " + source : "this host";
  }

  /** Seconds between the two readings; empty without rates. */
  public OptionalDouble intervalSeconds() {
    return rates.isPresent()
        ? OptionalDouble.of(rates.get().intervalSeconds())
        : OptionalDouble.empty();
  }

  /**
   * The counter's change per second between the readings (pages, events, or KiB for pgpgin); empty
   * without rates or when either reading lacks it.
   */
  public OptionalDouble perSecond(String counter) {
    return perSecond(counter, new String[0]);
  }

  /** As {@link #perSecond(String)} for a counter kernels may split into parts (see Vmstat). */
  public OptionalDouble perSecond(String counter, String... parts) {
    if (rates.isEmpty() || earlier.isEmpty()) {
      return OptionalDouble.empty();
    }
    Long before = earlier.get().counter(counter, parts);
    Long after = later.counter(counter, parts);
    if (before == null || after == null) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((after - before) / rates.get().intervalSeconds());
  }
}
