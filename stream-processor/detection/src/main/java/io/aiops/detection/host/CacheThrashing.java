package io.aiops.detection.host;

import java.util.Optional;

/**
 * File-cache thrashing: evicted file pages are read back so fast that the file working set
 * evidently does not fit in the cache left to it. The kernel counts such reads as {@code
 * workingset_refault_file} (before 5.9, {@code workingset_refault}): a page evicted and faulted
 * back within the span the LRU would have kept it with a bigger cache.
 *
 * <p>Warning at refaults of 0.1 % of MemTotal per second (16 MiB/s on a 16 GiB host: RAM's worth
 * re-read in under 17 minutes, each page a read the cache should have served); critical at 1 % (RAM
 * re-read in 100 s). Relative to RAM like the swap storm lines, since a bigger host has more I/O
 * and CPUs to spread the same re-reads over. A snapshot rule over one rate interval: a few seconds
 * of refaults can be a one-off scan, so callers sampling briefly should say over how long. The
 * health score's cache factor uses the same lines one step milder (watch and warning), leaving the
 * stalls themselves to the pressure factor.
 */
public final class CacheThrashing {
  static final double WARNING_SHARE_OF_RAM_PER_SECOND = 0.001;
  static final double CRITICAL_SHARE_OF_RAM_PER_SECOND = 0.01;

  private CacheThrashing() {}

  public static double warningBytesPerSecond(long memTotalBytes) {
    return WARNING_SHARE_OF_RAM_PER_SECOND * memTotalBytes;
  }

  public static double criticalBytesPerSecond(long memTotalBytes) {
    return CRITICAL_SHARE_OF_RAM_PER_SECOND * memTotalBytes;
  }

  /** The severity of this refault rate, empty below the warning line or when it is unknown. */
  public static Optional<Severity> severity(double fileRefaultBytesPerSecond, long memTotalBytes) {
    if (fileRefaultBytesPerSecond >= criticalBytesPerSecond(memTotalBytes)) {
      return Optional.of(Severity.CRITICAL);
    }
    return fileRefaultBytesPerSecond >= warningBytesPerSecond(memTotalBytes)
        ? Optional.of(Severity.WARNING)
        : Optional.empty();
  }
}
