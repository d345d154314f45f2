package io.aiops.collector.procfs;

/**
 * What a process's stat and status files said at one instant: the cheap reading on which the
 * sample's processes are selected (the collector reads status only for the candidates stat names).
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
