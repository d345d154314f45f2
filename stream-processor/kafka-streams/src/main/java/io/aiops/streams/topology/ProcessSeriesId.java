package io.aiops.streams.topology;

import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.ProcessMemory;

/**
 * The key of one process instance's series: host, boot, pid and start time, since pids are reused
 * but the pair (pid, start time) within one boot is not.
 */
public final class ProcessSeriesId {
  private ProcessSeriesId() {}

  public static String of(HostMemorySample sample, ProcessMemory process) {
    return of(
        sample.getHostId(), sample.getBootId(), process.getPid(), process.getStartTimeTicks());
  }

  /** The same id from its parts, for a reader that has no sample (the query store's clients). */
  public static String of(String hostId, String bootId, int pid, long startTimeTicks) {
    return hostId + "/" + bootId + "/" + pid + "/" + startTimeTicks;
  }

  /** The service a process belongs to across restarts and hosts: its cgroup, else its name. */
  public static String serviceOf(ProcessMemory process) {
    String cgroup = process.getCgroupPath();
    return cgroup == null || cgroup.isEmpty() || cgroup.equals("/") ? process.getComm() : cgroup;
  }
}
