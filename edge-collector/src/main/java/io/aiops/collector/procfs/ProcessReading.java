package io.aiops.collector.procfs;

/**
 * What a process's stat and status files said at one instant: the cheap reading every process gets,
 * on which the sample's processes are selected.
 */
public record ProcessReading(int pid, ProcStat stat, ProcessStatus status) {

  public long startTimeTicks() {
    return stat.startTimeTicks();
  }

  public String comm() {
    return stat.comm();
  }

  public long rssBytes() {
    return status.rssBytes();
  }
}
