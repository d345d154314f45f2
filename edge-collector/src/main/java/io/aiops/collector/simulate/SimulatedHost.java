package io.aiops.collector.simulate;

import io.aiops.collector.host.HostSampler;
import io.aiops.schemas.memory.CgroupMemory;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.ProcessMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A host that exists only in the simulation: its processes follow their patterns plus noise. */
public final class SimulatedHost {
  // Kernel, page tables, slab and a floor of page cache that no process accounts for.
  private static final double UNACCOUNTED_FRACTION = 0.12;
  private static final double NOISE_FRACTION = 0.01;

  private final String hostId;
  private final String bootId;
  private final long memTotalBytes;
  private final long startMs;
  private final List<SimulatedProcess> processes;
  private final Random noise;

  public SimulatedHost(
      String hostId,
      String bootId,
      long memTotalBytes,
      long startMs,
      List<SimulatedProcess> processes,
      long seed) {
    this.hostId = hostId;
    this.bootId = bootId;
    this.memTotalBytes = memTotalBytes;
    this.startMs = startMs;
    this.processes = List.copyOf(processes);
    this.noise = new Random(seed);
  }

  public String hostId() {
    return hostId;
  }

  public String bootId() {
    return bootId;
  }

  public List<SimulatedProcess> processes() {
    return processes;
  }

  /** The host as a collector would see it at simulated time {@code timestampMs}. */
  public synchronized HostMemorySample sample(long timestampMs) {
    double hours = (timestampMs - startMs) / 3_600_000.0;
    List<ProcessMemory> processMemory = new ArrayList<>(processes.size());
    List<CgroupMemory> cgroups = new ArrayList<>();
    long usedBytes = (long) (memTotalBytes * UNACCOUNTED_FRACTION);
    for (SimulatedProcess p : processes) {
      double rss = p.pattern().rssBytesAt(hours) * (1 + NOISE_FRACTION * noise.nextGaussian());
      long rssBytes = Math.max(4096, (long) rss);
      if (p.cgroupLimitBytes() != null) {
        rssBytes = Math.min(rssBytes, p.cgroupLimitBytes());
        cgroups.add(cgroup(p, rssBytes));
      }
      usedBytes += rssBytes;
      processMemory.add(
          ProcessMemory.newBuilder()
              .setPid(p.pid())
              .setStartTimeTicks(p.startTimeTicks())
              .setComm(p.comm())
              .setCgroupPath(p.cgroupPath())
              .setRssBytes(rssBytes)
              .setRssAnonBytes((long) (rssBytes * 0.9))
              .setRssFileBytes((long) (rssBytes * 0.1))
              .setRssShmemBytes(0L)
              .setSwapBytes(0)
              .setVmSizeBytes(rssBytes * 3)
              .build());
    }
    long available = Math.max(0, memTotalBytes - usedBytes);
    return HostMemorySample.newBuilder()
        .setHostId(hostId)
        .setBootId(bootId)
        .setHostname(hostId)
        .setTimestampMs(timestampMs)
        .setCollectorVersion(HostSampler.COLLECTOR_VERSION + "-simulated")
        .setMemTotalBytes(memTotalBytes)
        .setMemFreeBytes(available / 2)
        .setMemAvailableBytes(available)
        .setCachedBytes(available / 2)
        .setSwapTotalBytes(0)
        .setSwapFreeBytes(0)
        .setCgroups(cgroups)
        .setProcesses(processMemory)
        .build();
  }

  private static CgroupMemory cgroup(SimulatedProcess p, long rssBytes) {
    return CgroupMemory.newBuilder()
        .setPath(p.cgroupPath())
        .setCgroupVersion(2)
        .setUsageBytes(rssBytes)
        .setLimitBytes(p.cgroupLimitBytes())
        .setWorkingSetBytes(rssBytes)
        .setAnonBytes((long) (rssBytes * 0.9))
        .setFileBytes((long) (rssBytes * 0.1))
        .build();
  }
}
