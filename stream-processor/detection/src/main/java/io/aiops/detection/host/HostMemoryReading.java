package io.aiops.detection.host;

import java.util.List;
import java.util.Objects;

/**
 * One host's memory state at one instant, as the host detectors need it; filled by the callers from
 * the collector's {@code HostMemorySample}.
 *
 * @param timestampMs wall-clock time of the sample, epoch milliseconds
 * @param bootId the kernel's boot id, null when unknown; a change means the counters restarted
 * @param pageSizeBytes the kernel page size, for the vmstat page counts and buddy orders
 * @param memory the meminfo figures
 * @param vmstat cumulative counters; {@link VmCounters#NONE} (or null) when not collected
 * @param pressure PSI averages; null on kernels without PSI (before 4.20, or booted psi=0)
 * @param buddyinfo free blocks per zone; empty when unreadable
 */
public record HostMemoryReading(
    long timestampMs,
    String bootId,
    long pageSizeBytes,
    MemInfo memory,
    VmCounters vmstat,
    PressureAverages pressure,
    List<ZoneFreeBlocks> buddyinfo) {

  public HostMemoryReading {
    Objects.requireNonNull(memory, "memory");
    if (pageSizeBytes <= 0 || Long.bitCount(pageSizeBytes) != 1) {
      throw new IllegalArgumentException("pageSizeBytes must be a power of two: " + pageSizeBytes);
    }
    vmstat = vmstat == null ? VmCounters.NONE : vmstat;
    buddyinfo = buddyinfo == null ? List.of() : List.copyOf(buddyinfo);
  }

  public boolean hasPressureStallInformation() {
    return pressure != null;
  }
}
