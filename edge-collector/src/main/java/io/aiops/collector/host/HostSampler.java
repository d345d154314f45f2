package io.aiops.collector.host;

import io.aiops.collector.cgroup.CgroupMembership;
import io.aiops.collector.cgroup.CgroupMemoryReader;
import io.aiops.collector.procfs.Meminfo;
import io.aiops.collector.procfs.PressureStallReading;
import io.aiops.collector.procfs.ProcessReading;
import io.aiops.collector.procfs.ProcfsReader;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.CgroupMemory;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.PressureStall;
import io.aiops.schemas.memory.ProcessMemory;
import io.aiops.schemas.memory.VmStatCounters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Takes one {@link HostMemorySample} of a host from its /proc and cgroup files. */
public final class HostSampler {
  public static final String COLLECTOR_VERSION = "0.1.0";

  private final HostPaths paths;
  private final ProcfsReader procfs;
  private final CgroupMemoryReader cgroups;
  private final ProcessSelection selection;

  public HostSampler(HostPaths paths, ProcessSelection selection, ReadErrors errors) {
    this.paths = paths;
    this.procfs = new ProcfsReader(paths.procRoot(), errors);
    this.cgroups = new CgroupMemoryReader(paths.cgroupRoot(), errors);
    this.selection = selection;
  }

  /** Reads the host now. Fails only when /proc/meminfo itself is unreadable. */
  public HostMemorySample sample(long timestampMs) {
    // The boot id is read each time: a sample taken after a reboot must carry the new one.
    HostIdentity identity = HostIdentity.read(paths);
    Meminfo meminfo;
    List<Integer> pids;
    try {
      meminfo = procfs.meminfo();
      pids = procfs.pids();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + paths.procRoot() + ": " + e.getMessage(), e);
    }
    List<ProcessReading> readings = new ArrayList<>(pids.size());
    for (int pid : pids) {
      procfs.process(pid).ifPresent(readings::add);
    }
    List<ProcessReading> selected = selection.select(readings);
    return HostMemorySample.newBuilder()
        .setHostId(identity.hostId())
        .setBootId(identity.bootId())
        .setHostname(identity.hostname())
        .setTimestampMs(timestampMs)
        .setCollectorVersion(COLLECTOR_VERSION)
        .setMemTotalBytes(meminfo.bytes("MemTotal"))
        .setMemFreeBytes(meminfo.bytes("MemFree"))
        .setMemAvailableBytes(meminfo.availableBytes())
        .setBuffersBytes(meminfo.bytes("Buffers"))
        .setCachedBytes(meminfo.bytes("Cached"))
        .setSwapTotalBytes(meminfo.bytes("SwapTotal"))
        .setSwapFreeBytes(meminfo.bytes("SwapFree"))
        .setShmemBytes(meminfo.bytes("Shmem"))
        .setSlabReclaimableBytes(meminfo.bytes("SReclaimable"))
        .setSlabUnreclaimableBytes(meminfo.bytes("SUnreclaim"))
        .setActiveAnonBytes(meminfo.bytes("Active(anon)"))
        .setInactiveAnonBytes(meminfo.bytes("Inactive(anon)"))
        .setActiveFileBytes(meminfo.bytes("Active(file)"))
        .setInactiveFileBytes(meminfo.bytes("Inactive(file)"))
        .setDirtyBytes(meminfo.bytes("Dirty"))
        .setWritebackBytes(meminfo.bytes("Writeback"))
        .setAnonPagesBytes(meminfo.bytes("AnonPages"))
        .setCommittedAsBytes(meminfo.bytes("Committed_AS"))
        .setVmstat(vmstat(procfs.vmstat()))
        .setMemoryPressure(procfs.memoryPressure().map(HostSampler::pressure).orElse(null))
        .setCgroups(cgroupsOf(selected))
        .setProcesses(selected.stream().map(HostSampler::process).toList())
        .build();
  }

  private List<CgroupMemory> cgroupsOf(List<ProcessReading> processes) {
    Map<CgroupMembership, CgroupMemory> byMembership = new LinkedHashMap<>();
    for (ProcessReading process : processes) {
      CgroupMembership membership = process.cgroup();
      if (membership != null && !byMembership.containsKey(membership)) {
        byMembership.put(membership, cgroups.read(membership));
      }
    }
    return byMembership.values().stream().filter(c -> c != null).toList();
  }

  private static ProcessMemory process(ProcessReading p) {
    return ProcessMemory.newBuilder()
        .setPid(p.pid())
        .setStartTimeTicks(p.startTimeTicks())
        .setComm(p.comm())
        .setCgroupPath(p.cgroup() == null ? null : p.cgroup().path())
        .setRssBytes(p.rssBytes())
        .setRssAnonBytes(p.rssAnonBytes())
        .setRssFileBytes(p.rssFileBytes())
        .setRssShmemBytes(p.rssShmemBytes())
        .setSwapBytes(p.swapBytes())
        .setVmSizeBytes(p.vmSizeBytes())
        .build();
  }

  private static VmStatCounters vmstat(Map<String, Long> v) {
    if (v.isEmpty()) {
      return null;
    }
    return VmStatCounters.newBuilder()
        .setPswpin(v.get("pswpin"))
        .setPswpout(v.get("pswpout"))
        .setPgfault(v.get("pgfault"))
        .setPgmajfault(v.get("pgmajfault"))
        .setPgscanKswapd(v.get("pgscan_kswapd"))
        .setPgscanDirect(v.get("pgscan_direct"))
        .setPgstealKswapd(v.get("pgsteal_kswapd"))
        .setPgstealDirect(v.get("pgsteal_direct"))
        .setWorkingsetRefaultAnon(v.get("workingset_refault_anon"))
        .setWorkingsetRefaultFile(v.get("workingset_refault_file"))
        .setOomKill(v.get("oom_kill"))
        .build();
  }

  private static PressureStall pressure(PressureStallReading r) {
    return PressureStall.newBuilder()
        .setSomeAvg10Pct(r.someAvg10Pct())
        .setSomeAvg60Pct(r.someAvg60Pct())
        .setSomeAvg300Pct(r.someAvg300Pct())
        .setSomeTotalUs(r.someTotalUs())
        .setFullAvg10Pct(r.fullAvg10Pct())
        .setFullAvg60Pct(r.fullAvg60Pct())
        .setFullAvg300Pct(r.fullAvg300Pct())
        .setFullTotalUs(r.fullTotalUs())
        .build();
  }
}
