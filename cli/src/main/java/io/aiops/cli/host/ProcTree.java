package io.aiops.cli.host;

import io.aiops.cli.UsageException;
import io.aiops.collector.procfs.Meminfo;
import io.aiops.collector.procfs.MissingDataNotices;
import io.aiops.collector.procfs.PageSize;
import io.aiops.collector.procfs.PressureStallReading;
import io.aiops.collector.procfs.ProcessReader;
import io.aiops.collector.procfs.ProcessReading;
import io.aiops.collector.procfs.ProcfsReader;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.collector.procfs.SlabCache;
import io.aiops.collector.procfs.Vmstat;
import io.aiops.schemas.memory.BuddyZone;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The /proc tree a diagnosis reads, this host's or a recorded copy, through the collector's
 * readers. What the tree cannot give is kept as notes for the report instead of being logged.
 */
public final class ProcTree {
  /** A recorded tree's vmstat read --interval before its vmstat: not a kernel file. */
  static final String EARLIER_VMSTAT = "vmstat.earlier";

  private static final Path LIVE = Path.of("/proc");

  private final Path root;
  private final boolean recorded;
  private final ReadErrors errors = new ReadErrors();
  // Kept apart: a system file denied is already a notice, a process denied is not.
  private final ReadErrors processErrors = new ReadErrors();
  private final MissingDataNotices notices = MissingDataNotices.kept();
  private final ProcfsReader reader;
  private final long pageSizeBytes;

  private ProcTree(Path root, boolean recorded) {
    this.root = root;
    this.recorded = recorded;
    this.reader = new ProcfsReader(root, errors, notices);
    this.pageSizeBytes = PageSize.of(root);
  }

  public static ProcTree live() {
    return new ProcTree(LIVE, false);
  }

  /**
   * The tree at {@code dir}: a mounted procfs (a host's /proc seen from a container as /host/proc)
   * is read live like /proc; any other directory is a recorded copy. A directory without a meminfo
   * is a usage error, whatever else it holds.
   */
  public static ProcTree at(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UsageException("--proc-root " + dir + ": no such directory");
    }
    if (!Files.isRegularFile(dir.resolve("meminfo"))) {
      throw new UsageException(
          "--proc-root " + dir + ": no meminfo in it, so it is not a /proc tree");
    }
    return new ProcTree(dir, !isProcfs(dir));
  }

  private static boolean isProcfs(Path dir) {
    try {
      return Files.getFileStore(dir).type().equals("proc");
    } catch (IOException e) {
      return false;
    }
  }

  public boolean recorded() {
    return recorded;
  }

  /** Where the figures come from, for reports: /proc, a procfs mount or a recorded directory. */
  public String description() {
    return root.toString();
  }

  /**
   * The system-wide files now; meminfo is required, the rest may be missing. The reading is stamped
   * just before vmstat is read, so that rates divide by the time between the counters.
   */
  public HostSnapshot snapshot() {
    Meminfo meminfo = meminfo();
    Optional<PressureStallReading> pressure = reader.memoryPressure();
    List<BuddyZone> buddyinfo = reader.buddyinfo();
    long timestampMs = System.currentTimeMillis();
    Optional<Vmstat> vmstat = reader.vmstatCounters("vmstat");
    return new HostSnapshot(timestampMs, pageSizeBytes, meminfo, vmstat, pressure, buddyinfo);
  }

  /** A recorded tree's second, earlier vmstat reading, when it has one. */
  Optional<Vmstat> earlierVmstat() {
    if (!recorded || !Files.exists(root.resolve(EARLIER_VMSTAT))) {
      return Optional.empty();
    }
    return reader.vmstatCounters(EARLIER_VMSTAT);
  }

  /** Every process with memory of its own (kernel threads and zombies left out). */
  public List<ProcessReading> processes() {
    List<Integer> pids;
    try {
      pids = reader.pids();
    } catch (IOException e) {
      throw new UsageException("cannot list the processes in " + root + ": " + e.getMessage());
    }
    ProcessReader processReader = new ProcessReader(root, processErrors);
    List<ProcessReading> processes = new ArrayList<>();
    for (int pid : pids) {
      processReader.read(pid).ifPresent(processes::add);
    }
    return processes;
  }

  /**
   * A numeric /proc/sys/vm setting; empty when unreadable. A recorded tree without sys/vm at all
   * gets one note for all its settings rather than one each.
   */
  public OptionalLong vmSetting(String name) {
    if (recorded && !Files.isDirectory(root.resolve("sys/vm"))) {
      notices.once("sys/vm", "no sys/vm in " + root + ": the vm.* settings are unknown");
      return OptionalLong.empty();
    }
    return reader.vmSetting(name);
  }

  public Optional<List<SlabCache>> slabinfo() {
    return reader.slabinfo();
  }

  /**
   * What could not be read, one line each: files this tree lacks or denies, processes denied, lines
   * not understood. Processes that exited while being read are normal and not mentioned.
   */
  public List<String> notes() {
    List<String> notes = new ArrayList<>(notices.said());
    long denied = processErrors.snapshot().getOrDefault(ReadErrors.PERMISSION_DENIED, 0L);
    long malformed =
        errors.snapshot().getOrDefault(ReadErrors.MALFORMED, 0L)
            + processErrors.snapshot().getOrDefault(ReadErrors.MALFORMED, 0L);
    if (denied > 0) {
      notes.add(denied + " process(es) may not be read as this user (run as root)");
    }
    if (malformed > 0) {
      notes.add(malformed + " line(s) or file(s) not understood were skipped");
    }
    return notes;
  }

  private Meminfo meminfo() {
    try {
      Meminfo meminfo = reader.meminfo();
      if (meminfo.bytes("MemTotal") <= 0) {
        throw new UsageException(root.resolve("meminfo") + ": no MemTotal line");
      }
      return meminfo;
    } catch (NoSuchFileException e) {
      throw new UsageException(root.resolve("meminfo") + ": no such file");
    } catch (IOException e) {
      throw new UsageException("cannot read " + root.resolve("meminfo") + ": " + e.getMessage());
    }
  }
}
