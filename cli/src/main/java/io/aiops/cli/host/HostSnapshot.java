package io.aiops.cli.host;

import io.aiops.collector.procfs.Meminfo;
import io.aiops.collector.procfs.PressureStallReading;
import io.aiops.collector.procfs.Vmstat;
import io.aiops.collector.procfs.VmstatParser;
import io.aiops.detection.host.HostMemoryReading;
import io.aiops.detection.host.MemInfo;
import io.aiops.detection.host.PressureAverages;
import io.aiops.detection.host.VmCounters;
import io.aiops.detection.host.ZoneFreeBlocks;
import io.aiops.schemas.memory.BuddyZone;
import io.aiops.schemas.memory.VmStatCounters;
import java.util.List;
import java.util.Optional;

/**
 * The system-wide memory files of one reading, as the collector's readers parse them.
 *
 * @param timestampMs when it was read (a recorded tree: when the command ran)
 * @param pageSizeBytes the tree's page size, which vmstat and buddyinfo count in
 * @param meminfo every meminfo field in bytes
 * @param vmstat every vmstat counter; empty when unreadable
 * @param pressure memory PSI; empty without PSI
 * @param buddyinfo free blocks per zone; empty when unreadable
 */
public record HostSnapshot(
    long timestampMs,
    long pageSizeBytes,
    Meminfo meminfo,
    Optional<Vmstat> vmstat,
    Optional<PressureStallReading> pressure,
    List<BuddyZone> buddyinfo) {

  public HostSnapshot {
    buddyinfo = List.copyOf(buddyinfo);
  }

  /** The same reading with another vmstat, read at another time (a recorded earlier reading). */
  HostSnapshot withVmstat(Vmstat earlier, long earlierTimestampMs) {
    return new HostSnapshot(
        earlierTimestampMs, pageSizeBytes, meminfo, Optional.of(earlier), pressure, buddyinfo);
  }

  /** The counter as printed, or null when this reading has no such counter. */
  public Long counter(String name) {
    return vmstat.map(v -> v.counter(name)).orElse(null);
  }

  /** The plain counter, else the sum of its per-zone or per-type parts, else null. */
  public Long counter(String name, String... suffixes) {
    return vmstat.map(v -> v.plainOrSum(name, suffixes)).orElse(null);
  }

  /** The host library's view of this reading, for its detectors and health score. */
  public HostMemoryReading toReading() {
    return new HostMemoryReading(
        timestampMs,
        null,
        pageSizeBytes,
        memInfo(),
        vmCounters(),
        pressure.map(HostSnapshot::averages).orElse(null),
        buddyinfo.stream()
            .map(z -> new ZoneFreeBlocks(z.getNode(), z.getZone(), z.getFreeBlocksByOrder()))
            .toList());
  }

  private MemInfo memInfo() {
    Meminfo m = meminfo;
    return new MemInfo(
        m.bytes("MemTotal"),
        m.bytes("MemFree"),
        m.availableBytes(),
        m.bytes("Buffers"),
        m.bytes("Cached"),
        m.bytes("SwapTotal"),
        m.bytes("SwapFree"),
        m.bytes("Shmem"),
        m.bytes("SReclaimable"),
        m.bytes("Active(file)"),
        m.bytes("Inactive(file)"),
        m.bytes("Dirty"),
        m.bytes("Writeback"));
  }

  private VmCounters vmCounters() {
    VmStatCounters c = vmstat.map(VmstatParser::counters).orElse(null);
    if (c == null) {
      return VmCounters.NONE;
    }
    return new VmCounters(
        c.getPswpin(),
        c.getPswpout(),
        c.getPgmajfault(),
        c.getWorkingsetRefaultFile(),
        c.getWorkingsetRefault(),
        c.getPgscanKswapd(),
        c.getPgscanDirect(),
        c.getPgstealKswapd(),
        c.getPgstealDirect(),
        c.getAllocstall());
  }

  private static PressureAverages averages(PressureStallReading psi) {
    return new PressureAverages(
        psi.someAvg10Pct(),
        psi.someAvg60Pct(),
        psi.someAvg300Pct(),
        psi.fullAvg10Pct(),
        psi.fullAvg60Pct(),
        psi.fullAvg300Pct());
  }
}
