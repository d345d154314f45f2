package io.aiops.collector.simulate;

import io.aiops.schemas.memory.HostMemorySample;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A deterministic fleet of simulated hosts running a typical service mix (database, web server, JVM
 * service under a container limit, worker, cache, API). Every fourth host, starting with the first,
 * has one leaking process, alternating a linear leak under the daily swing with a staircase leak.
 */
public final class SimulatedFleet {
  private static final long MIB = 1024L * 1024;
  private static final long GIB = 1024 * MIB;
  private static final int LEAK_EVERY_NTH_HOST = 4;

  private final List<SimulatedHost> hosts;

  private SimulatedFleet(List<SimulatedHost> hosts) {
    this.hosts = List.copyOf(hosts);
  }

  /** {@code hostCount} hosts whose simulated time starts at {@code startMs}. */
  public static SimulatedFleet create(int hostCount, long seed, long startMs) {
    Random random = new Random(seed);
    List<SimulatedHost> hosts = new ArrayList<>(hostCount);
    for (int i = 0; i < hostCount; i++) {
      String hostId = String.format("sim-host-%03d", i + 1);
      String bootId = new UUID(random.nextLong(), random.nextLong()).toString();
      boolean leaky = i % LEAK_EVERY_NTH_HOST == 0;
      boolean linearLeak = (i / LEAK_EVERY_NTH_HOST) % 2 == 0;
      hosts.add(
          new SimulatedHost(
              hostId,
              bootId,
              16 * GIB,
              startMs,
              processes(random, leaky, linearLeak),
              random.nextLong()));
    }
    return new SimulatedFleet(hosts);
  }

  public List<SimulatedHost> hosts() {
    return hosts;
  }

  /** Every host sampled at simulated time {@code timestampMs}. */
  public List<HostMemorySample> sampleAll(long timestampMs) {
    return hosts.stream().map(host -> host.sample(timestampMs)).toList();
  }

  private static List<SimulatedProcess> processes(
      Random random, boolean leaky, boolean linearLeak) {
    List<SimulatedProcess> processes = new ArrayList<>();
    int pid = 900 + random.nextInt(500);
    processes.add(
        process(
            random,
            pid++,
            "postgres",
            "/system.slice/postgresql.service",
            null,
            new MemoryPattern.SeasonalStable(
                between(random, 600, 1200) * MIB,
                between(random, 0.08, 0.15),
                between(random, 0, 24))));
    processes.add(
        process(
            random,
            pid++,
            "nginx",
            "/system.slice/nginx.service",
            null,
            new MemoryPattern.SeasonalStable(between(random, 40, 80) * MIB, 0.10, 0)));
    long javaLimit = 3 * GIB;
    MemoryPattern java =
        leaky && linearLeak
            ? new MemoryPattern.LinearLeak(
                between(random, 1200, 1600) * MIB,
                between(random, 25, 60) * MIB,
                between(random, 0, 3),
                between(random, 0.04, 0.08))
            : new MemoryPattern.GcSawtooth(
                between(random, 1200, 1800) * MIB,
                between(random, 150, 300) * MIB,
                between(random, 5, 15));
    processes.add(
        process(
            random,
            pid + 5000 + random.nextInt(20000),
            "java",
            "/kubepods.slice/kubepods-burstable.slice/checkout",
            javaLimit,
            java));
    processes.add(
        process(
            random,
            pid++,
            "python3",
            "/system.slice/report-worker.service",
            null,
            new MemoryPattern.WarmUp(
                100 * MIB, between(random, 400, 700) * MIB, between(random, 1, 3))));
    processes.add(
        process(
            random,
            pid++,
            "redis-server",
            "/system.slice/redis.service",
            null,
            new MemoryPattern.OneOffStep(
                between(random, 250, 400) * MIB,
                between(random, 150, 300) * MIB,
                between(random, 8, 20))));
    MemoryPattern node =
        leaky && !linearLeak
            ? new MemoryPattern.StaircaseLeak(
                between(random, 300, 500) * MIB,
                between(random, 60, 100) * MIB,
                2,
                between(random, 0, 3))
            : new MemoryPattern.SeasonalStable(
                between(random, 300, 500) * MIB, 0.12, between(random, 0, 24));
    processes.add(process(random, pid + 2000, "node", "/system.slice/api.service", null, node));
    return processes;
  }

  private static SimulatedProcess process(
      Random random, int pid, String comm, String cgroup, Long limit, MemoryPattern pattern) {
    long startTicks = 1_000 + random.nextInt(5_000_000);
    return new SimulatedProcess(pid, startTicks, comm, cgroup, limit, pattern);
  }

  private static double between(Random random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }
}
