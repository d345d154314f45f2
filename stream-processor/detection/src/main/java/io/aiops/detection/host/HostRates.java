package io.aiops.detection.host;

import java.util.OptionalDouble;

/**
 * Per-second rates of the vmstat counters between two readings of one boot; a rate is empty when
 * either reading lacks its counter.
 *
 * @param fromMs timestamp of the earlier reading
 * @param toMs timestamp of the later reading
 * @param pageSizeBytes the kernel page size, to turn pages into bytes
 * @param swapInPagesPerSecond pswpin
 * @param swapOutPagesPerSecond pswpout
 * @param majorFaultsPerSecond pgmajfault (faults, not pages: swap readahead brings in several)
 * @param fileRefaultsPerSecond workingset_refault_file (workingset_refault before 5.9)
 * @param scanKswapdPagesPerSecond pgscan_kswapd
 * @param scanDirectPagesPerSecond pgscan_direct
 * @param stealKswapdPagesPerSecond pgsteal_kswapd
 * @param stealDirectPagesPerSecond pgsteal_direct
 * @param allocStallsPerSecond allocstall: tasks entering direct reclaim
 */
public record HostRates(
    long fromMs,
    long toMs,
    long pageSizeBytes,
    OptionalDouble swapInPagesPerSecond,
    OptionalDouble swapOutPagesPerSecond,
    OptionalDouble majorFaultsPerSecond,
    OptionalDouble fileRefaultsPerSecond,
    OptionalDouble scanKswapdPagesPerSecond,
    OptionalDouble scanDirectPagesPerSecond,
    OptionalDouble stealKswapdPagesPerSecond,
    OptionalDouble stealDirectPagesPerSecond,
    OptionalDouble allocStallsPerSecond) {

  public HostRates {
    if (toMs <= fromMs) {
      throw new IllegalArgumentException("rates need toMs after fromMs: " + fromMs + ", " + toMs);
    }
    if (pageSizeBytes <= 0) {
      throw new IllegalArgumentException("pageSizeBytes must be positive: " + pageSizeBytes);
    }
  }

  public double intervalSeconds() {
    return (toMs - fromMs) / 1000.0;
  }

  public OptionalDouble swapInBytesPerSecond() {
    return inBytes(swapInPagesPerSecond);
  }

  public OptionalDouble swapOutBytesPerSecond() {
    return inBytes(swapOutPagesPerSecond);
  }

  public OptionalDouble fileRefaultBytesPerSecond() {
    return inBytes(fileRefaultsPerSecond);
  }

  /**
   * Pages reclaimed per page scanned, kswapd and direct together; empty when nothing was scanned.
   * Near 1 the LRU tails are cold and reclaim is cheap; low values mean the kernel walks many
   * referenced or unreclaimable pages for each one it frees, which is how thrashing looks from the
   * reclaim side.
   */
  public OptionalDouble reclaimEfficiency() {
    if (scanKswapdPagesPerSecond.isEmpty()
        || scanDirectPagesPerSecond.isEmpty()
        || stealKswapdPagesPerSecond.isEmpty()
        || stealDirectPagesPerSecond.isEmpty()) {
      return OptionalDouble.empty();
    }
    double scanned =
        scanKswapdPagesPerSecond.getAsDouble() + scanDirectPagesPerSecond.getAsDouble();
    if (scanned <= 0) {
      return OptionalDouble.empty();
    }
    double stolen =
        stealKswapdPagesPerSecond.getAsDouble() + stealDirectPagesPerSecond.getAsDouble();
    // One vmstat read is not atomic across counters, so steal can edge past scan by a few pages.
    return OptionalDouble.of(Math.min(1, stolen / scanned));
  }

  private OptionalDouble inBytes(OptionalDouble pagesPerSecond) {
    return pagesPerSecond.isPresent()
        ? OptionalDouble.of(pagesPerSecond.getAsDouble() * pageSizeBytes)
        : OptionalDouble.empty();
  }
}
