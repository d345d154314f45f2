package io.aiops.collector.host;

import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.HostMemorySample;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Measures what one sample of this machine costs: wall time, CPU time of the sampling thread (user
 * and system, so the kernel's work generating /proc files counts) and heap allocated, as medians of
 * 50 samples after 20 warm-up ones. Not a test: run it by hand, from the repository root, after
 * {@code mvn -o -q -pl edge-collector -am test-compile}:
 *
 * <pre>
 * mvn -o -q -pl edge-collector dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp schemas/target/classes:edge-collector/target/classes:edge-collector/target/test-classes:$(cat /tmp/cp.txt) \
 *   io.aiops.collector.host.HostSamplerCostHarness
 * </pre>
 */
public final class HostSamplerCostHarness {
  private static final int WARM_UP = 20;
  private static final int MEASURED = 50;
  private static final double INTERVAL_S = 10;

  private HostSamplerCostHarness() {}

  public static void main(String[] args) {
    measure("default selection (16 MiB floor + top 50)", ProcessSelection.defaults());
    measure("every process selected", new ProcessSelection(0, Integer.MAX_VALUE));
  }

  private static void measure(String label, ProcessSelection selection) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    HostSampler sampler = new HostSampler(HostPaths.live(), selection, new ReadErrors());
    HostMemorySample sample = null;
    for (int i = 0; i < WARM_UP; i++) {
      sample = sampler.sample(System.currentTimeMillis());
    }
    long[] wallNs = new long[MEASURED];
    long[] cpuNs = new long[MEASURED];
    long[] allocated = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long bytes = threads.getThreadAllocatedBytes(thread);
      long cpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      sample = sampler.sample(System.currentTimeMillis());
      wallNs[i] = System.nanoTime() - start;
      cpuNs[i] = threads.getCurrentThreadCpuTime() - cpu;
      allocated[i] = threads.getThreadAllocatedBytes(thread) - bytes;
    }
    double cpuMs = median(cpuNs) / 1e6;
    System.out.printf(
        "%s: %d processes in the sample, %d pids under /proc%n"
            + "  wall %.2f ms median (p90 %.2f), CPU %.2f ms median, allocated %.0f KiB median%n"
            + "  at one sample per %.0f s: %.3f %% of one core%n",
        label,
        sample.getProcesses().size(),
        pidCount(),
        median(wallNs) / 1e6,
        percentile(wallNs, 0.9) / 1e6,
        cpuMs,
        median(allocated) / 1024.0,
        INTERVAL_S,
        100 * cpuMs / (INTERVAL_S * 1000));
  }

  private static long pidCount() {
    return ProcessHandle.allProcesses().count();
  }

  private static double median(long[] values) {
    return percentile(values, 0.5);
  }

  private static double percentile(long[] values, double p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
  }
}
