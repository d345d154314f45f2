package io.aiops.collector.simulate;

/** One process on a simulated host, with the pattern its memory follows. */
public record SimulatedProcess(
    int pid,
    long startTimeTicks,
    String comm,
    String cgroupPath,
    Long cgroupLimitBytes,
    MemoryPattern pattern) {

  public boolean leaking() {
    return pattern.leaking();
  }
}
