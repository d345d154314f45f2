package io.aiops.detection.series;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * {@link SeriesDetectorBenchmark}'s stream timed by the thread's CPU time rather than the wall
 * clock: what one core sustains when it has the core, which a machine shared with other builds
 * hides from JMH. Arguments: step in seconds, cadence (as the benchmark's parameter), samples a
 * round (default 2,000,000) and rounds (default 4, the first a warm-up).
 */
public final class SeriesDetectorCpuTime {
  private SeriesDetectorCpuTime() {}

  public static void main(String[] args) {
    SeriesDetectorBenchmark stream = new SeriesDetectorBenchmark();
    stream.stepSeconds = Integer.parseInt(args[0]);
    stream.cadence = args[1];
    int samples = args.length > 2 ? Integer.parseInt(args[2]) : 2_000_000;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    stream.prepare();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    StringBuilder line =
        new StringBuilder(
            String.format(Locale.ROOT, "step %d s, cadence %s:", stream.stepSeconds, args[1]));
    for (int round = 0; round < rounds; round++) {
      long wallStart = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < samples; i++) {
        stream.addSample();
      }
      double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / (double) samples;
      double wall = (System.nanoTime() - wallStart) / (double) samples;
      if (round > 0) {
        line.append(String.format(Locale.ROOT, " %.0f ns CPU (%.0f wall)", cpu, wall));
      }
    }
    System.out.println(line);
  }
}
