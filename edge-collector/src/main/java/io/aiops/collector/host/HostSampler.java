package io.aiops.collector.host;

import io.aiops.collector.cgroup.CgroupMembership;
import io.aiops.collector.cgroup.CgroupMemoryReader;
import io.aiops.collector.procfs.Meminfo;
import io.aiops.collector.procfs.MissingDataNotices;
import io.aiops.collector.procfs.PageSize;
import io.aiops.collector.procfs.PressureStallReading;
import io.aiops.collector.procfs.ProcfsReader;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.CgroupMemory;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.serde.AvroTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Takes one {@link HostMemorySample} of a host from its /proc and cgroup files. Samples are taken
 * one at a time: the readers reuse their buffers.
 */
public final class HostSampler {
  public static final String COLLECTOR_VERSION = "0.1.0";

  private final HostPaths paths;
  private final ProcfsReader procfs;
  private final ProcessSampler processes;
  private final CgroupMemoryReader cgroups;
  private final MissingDataNotices notices = new MissingDataNotices();
  private final long pageSizeBytes;

  public HostSampler(HostPaths paths, ProcessSelection selection, ReadErrors errors) {
    // Building a sample copies schema defaults, which Avro 1.12 refuses for untrusted classes; a
    // sampler can run before any serde (collect memory never creates one).
    AvroTrust.trustGeneratedClasses();
    this.paths = paths;
    this.procfs = new ProcfsReader(paths.procRoot(), errors, notices);
    this.pageSizeBytes = PageSize.of(paths.procRoot());
    this.processes =
        new ProcessSampler(paths.procRoot(), pageSizeBytes, selection, errors, notices);
    this.cgroups = new CgroupMemoryReader(paths.cgroupRoot(), errors, notices);
  }

  /** Reads the host now. Fails only when /proc/meminfo itself is unreadable. */
  public synchronized HostMemorySample sample(long timestampMs) {
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
    List<SampledProcess> sampled = processes.sample(pids);
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
        .setMeminfo(meminfo.bytesByField())
        .setPageSizeBytes(pageSizeBytes)
        .setVmstat(procfs.vmstat().orElse(null))
        .setMemoryPressure(procfs.memoryPressure().map(PressureStallReading::toAvro).orElse(null))
        .setBuddyinfo(procfs.buddyinfo())
        .setSocketMemory(procfs.sockstat().orElse(null))
        .setCgroups(cgroupsOf(sampled))
        .setProcesses(sampled.stream().map(SampledProcess::toAvro).toList())
        .build();
  }

  /** The kernel page size this host's page counts are in, read once at construction. */
  public long pageSizeBytes() {
    return pageSizeBytes;
  }

  /**
   * What this host cannot give and why (a kernel feature it lacks, files this user may not read),
   * each said once in the log as it was first met; for a status command to repeat.
   */
  public List<String> missingData() {
    return notices.said();
  }

  private List<CgroupMemory> cgroupsOf(List<SampledProcess> sampled) {
    Map<CgroupMembership, CgroupMemory> byMembership = new LinkedHashMap<>();
    for (SampledProcess process : sampled) {
      CgroupMembership membership = process.details().cgroup();
      if (membership != null && !byMembership.containsKey(membership)) {
        byMembership.put(membership, cgroups.read(membership));
      }
    }
    return byMembership.values().stream().filter(Objects::nonNull).toList();
  }
}
