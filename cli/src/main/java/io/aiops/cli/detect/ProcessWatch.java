package io.aiops.cli.detect;

import io.aiops.cli.UsageException;
import io.aiops.cli.render.ByteSize;
import io.aiops.cli.render.DurationText;
import io.aiops.collector.cgroup.CgroupMembership;
import io.aiops.collector.cgroup.CgroupMemoryReader;
import io.aiops.collector.host.HostPaths;
import io.aiops.collector.procfs.MissingDataNotices;
import io.aiops.collector.procfs.ProcessReader;
import io.aiops.collector.procfs.ProcessReading;
import io.aiops.collector.procfs.ProcfsReader;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.CgroupMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Watches one live process with the collector's readers: its RSS every {@code interval} for {@code
 * history}, and the limit an ETA is measured against, as the topology takes it (the cgroup's limit,
 * else RSS plus MemAvailable). Ends early when the process exits (or its pid is reused).
 */
final class ProcessWatch {
  /** What was gathered, and whether the process was there to the end. */
  record Watched(MemorySeries series, boolean exited, Duration watched) {}

  private final HostPaths paths;
  private final ReadErrors errors = new ReadErrors();
  private final CgroupMemoryReader cgroups;
  private final ProcfsReader procfs;

  ProcessWatch(HostPaths paths) {
    this.paths = paths;
    MissingDataNotices notices = new MissingDataNotices();
    this.cgroups = new CgroupMemoryReader(paths.cgroupRoot(), errors, notices);
    this.procfs = new ProcfsReader(paths.procRoot(), errors, notices);
  }

  /**
   * Samples the process {@code first} was read from until {@code history} has passed or it exits;
   * {@code progress} gets a line after each sample. Taking the reading {@link #find} made, rather
   * than the pid, means a process that exits right after it was found ends the watch with what was
   * gathered instead of being reported as never having existed.
   */
  Watched watch(
      ProcessReading first, Duration history, Duration interval, Consumer<String> progress)
      throws InterruptedException {
    ProcessReader reader = new ProcessReader(paths.procRoot(), errors);
    int pid = first.pid();
    int capacity = (int) Math.min(1 << 20, history.toMillis() / interval.toMillis() + 2);
    long[] timesSec = new long[capacity];
    double[] rssBytes = new double[capacity];
    long limitBytes = -1;
    int n = 0;
    long startMs = System.currentTimeMillis();
    long endMs = startMs + history.toMillis();
    boolean exited = false;
    for (long dueMs = startMs; dueMs <= endMs && n < capacity; dueMs += interval.toMillis()) {
      Thread.sleep(Math.max(0, dueMs - System.currentTimeMillis()));
      Optional<ProcessReading> now = reader.read(pid);
      if (now.isEmpty() || now.get().startTimeTicks() != first.startTimeTicks()) {
        exited = true;
        break;
      }
      long rss = now.get().rssBytes();
      limitBytes = limit(pid, rss).orElse(limitBytes);
      timesSec[n] = Math.floorDiv(System.currentTimeMillis(), 1000);
      rssBytes[n] = rss;
      n++;
      progress.accept(
          "watching "
              + first.comm()
              + " (pid "
              + pid
              + "): "
              + n
              + (n == 1 ? " sample, " : " samples, ")
              + DurationText.format(Duration.ofMillis(System.currentTimeMillis() - startMs))
              + " of "
              + DurationText.format(history)
              + ", RSS "
              + ByteSize.format(rss));
    }
    Duration watched = Duration.ofMillis(System.currentTimeMillis() - startMs);
    MemorySeries series =
        new MemorySeries(
            "pid:" + pid, Arrays.copyOf(timesSec, n), Arrays.copyOf(rssBytes, n), limitBytes);
    return new Watched(series, exited, watched);
  }

  /** The process now; throws UsageException when there is no such process. */
  ProcessReading find(int pid) {
    return new ProcessReader(paths.procRoot(), errors)
        .read(pid)
        .orElseThrow(
            () -> new UsageException("--pid " + pid + ": no such process (or not readable)"));
  }

  /** The cgroup's limit, else RSS + MemAvailable; empty when neither can be read. */
  private Optional<Long> limit(int pid, long rssBytes) {
    try {
      String cgroupText =
          Files.readString(paths.procRoot().resolve(Integer.toString(pid)).resolve("cgroup"));
      CgroupMembership membership = CgroupMembership.parse(cgroupText);
      if (membership != null) {
        CgroupMemory cgroup = cgroups.read(membership);
        if (cgroup != null && cgroup.getLimitBytes() != null) {
          return Optional.of(cgroup.getLimitBytes());
        }
      }
      return Optional.of(rssBytes + procfs.meminfo().availableBytes());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
