package io.aiops.collector.procfs;

import io.aiops.collector.cgroup.CgroupMembership;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads system and per-process memory from a /proc tree. Every file is read whole and parsed in
 * memory; a process that vanishes, a file we may not read or a line we do not understand is counted
 * in {@link ReadErrors} and skipped.
 */
public final class ProcfsReader {
  private final Path procRoot;
  private final ReadErrors errors;

  public ProcfsReader(Path procRoot, ReadErrors errors) {
    this.procRoot = procRoot;
    this.errors = errors;
  }

  public Meminfo meminfo() throws IOException {
    return new Meminfo(KeyValueFile.parseBytes(Files.readString(procRoot.resolve("meminfo"))));
  }

  /** /proc/vmstat counters; empty when unreadable (some containers hide it). */
  public Map<String, Long> vmstat() {
    return optionalText(procRoot.resolve("vmstat")).map(KeyValueFile::parseBytes).orElse(Map.of());
  }

  /** Memory PSI, empty on kernels built without it (before 4.20, or psi=0). */
  public Optional<PressureStallReading> memoryPressure() {
    return optionalText(procRoot.resolve("pressure/memory")).flatMap(this::parsePressure);
  }

  /** The pids currently listed under /proc. */
  public List<Integer> pids() throws IOException {
    List<Integer> pids = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(procRoot)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.isEmpty() && Character.isDigit(name.charAt(0)) && isNumeric(name)) {
          pids.add(Integer.parseInt(name));
        }
      }
    }
    return pids;
  }

  /** One process, or empty when it is a kernel thread, vanished, or cannot be read. */
  public Optional<ProcessReading> process(int pid) {
    Path dir = procRoot.resolve(Integer.toString(pid));
    try {
      ProcStat stat = ProcStat.parse(Files.readString(dir.resolve("stat")));
      if (stat.kernelThread()) {
        return Optional.empty();
      }
      Map<String, Long> status = KeyValueFile.parseBytes(Files.readString(dir.resolve("status")));
      Long rss = status.get("VmRSS");
      if (rss == null) {
        // No mm: a kernel thread on a kernel without PF_KTHREAD in stat, or a zombie.
        return Optional.empty();
      }
      CgroupMembership cgroup =
          optionalText(dir.resolve("cgroup")).map(CgroupMembership::parse).orElse(null);
      return Optional.of(
          new ProcessReading(
              pid,
              stat.startTimeTicks(),
              stat.comm(),
              cgroup,
              rss,
              status.get("RssAnon"),
              status.get("RssFile"),
              status.get("RssShmem"),
              status.getOrDefault("VmSwap", 0L),
              status.getOrDefault("VmSize", 0L)));
    } catch (NoSuchFileException e) {
      errors.count(ReadErrors.VANISHED);
    } catch (AccessDeniedException e) {
      errors.count(ReadErrors.PERMISSION_DENIED);
    } catch (IOException e) {
      // ESRCH surfaces as a plain IOException when the process exits between open and read.
      errors.count(ReadErrors.VANISHED);
    } catch (IllegalArgumentException e) {
      errors.count(ReadErrors.MALFORMED);
    }
    return Optional.empty();
  }

  private Optional<PressureStallReading> parsePressure(String text) {
    try {
      return Optional.of(PressureStallReading.parse(text));
    } catch (NumberFormatException e) {
      errors.count(ReadErrors.MALFORMED);
      return Optional.empty();
    }
  }

  private Optional<String> optionalText(Path file) {
    try {
      return Optional.of(Files.readString(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (AccessDeniedException e) {
      errors.count(ReadErrors.PERMISSION_DENIED);
      return Optional.empty();
    } catch (IOException e) {
      errors.count(ReadErrors.IO);
      return Optional.empty();
    }
  }

  private static boolean isNumeric(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (!Character.isDigit(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
