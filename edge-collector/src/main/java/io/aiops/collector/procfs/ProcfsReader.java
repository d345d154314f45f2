package io.aiops.collector.procfs;

import io.aiops.schemas.memory.BuddyZone;
import io.aiops.schemas.memory.SocketMemory;
import io.aiops.schemas.memory.VmStatCounters;
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
import java.util.OptionalLong;

/**
 * Reads the system-wide files of a /proc tree and lists its processes. A file this kernel does not
 * have is said once in {@link MissingDataNotices} and left null; one it may not read, or a line it
 * does not understand, is counted in {@link ReadErrors}.
 */
public final class ProcfsReader {
  private static final Map<String, String> WHY_ABSENT =
      Map.of(
          "pressure/memory",
          " (kernel before 4.20, or PSI disabled: boot with psi=1)",
          "vmstat",
          " (hidden in this container)",
          "slabinfo",
          " (kernel built without CONFIG_SLUB_DEBUG)");
  private static final Map<String, String> WHY_DENIED =
      Map.of("slabinfo", " (mode 0400: root only, run with sudo)");

  private final Path procRoot;
  private final ReadErrors errors;
  private final MissingDataNotices notices;

  public ProcfsReader(Path procRoot, ReadErrors errors, MissingDataNotices notices) {
    this.procRoot = procRoot;
    this.errors = errors;
    this.notices = notices;
  }

  public Meminfo meminfo() throws IOException {
    return Meminfo.parse(Files.readString(procRoot.resolve("meminfo")), errors);
  }

  /** /proc/vmstat counters; empty when unreadable (some containers hide it). */
  public Optional<VmStatCounters> vmstat() {
    return optionalText("vmstat", "vmstat is null").map(text -> VmstatParser.parse(text, errors));
  }

  /**
   * Every counter of /proc/vmstat, or of a recorded copy of it named {@code file} in this tree;
   * empty when unreadable.
   */
  public Optional<Vmstat> vmstatCounters(String file) {
    return optionalText(file, "vmstat counters are unknown").map(t -> Vmstat.parse(t, errors));
  }

  /**
   * The slab caches of /proc/slabinfo; empty when unreadable, which it is for anyone but root (the
   * notice says so).
   */
  public Optional<List<SlabCache>> slabinfo() {
    return optionalText("slabinfo", "slab caches are not listed")
        .map(text -> SlabinfoParser.parse(text, errors));
  }

  /**
   * A numeric setting of /proc/sys/vm ({@code swappiness}, {@code dirty_ratio}, ...); empty when
   * this kernel has no such setting or its value is not a number (counted as malformed).
   */
  public OptionalLong vmSetting(String name) {
    Optional<String> text = optionalText("sys/vm/" + name, "vm." + name + " is unknown");
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text.get().trim()));
    } catch (NumberFormatException e) {
      errors.count(ReadErrors.MALFORMED);
      return OptionalLong.empty();
    }
  }

  /** Memory PSI, empty on kernels built without it (before 4.20) or booted with psi=0. */
  public Optional<PressureStallReading> memoryPressure() {
    return optionalText("pressure/memory", "memory_pressure is null").flatMap(this::parsePressure);
  }

  /** Free blocks per order of each zone; empty when unreadable. */
  public List<BuddyZone> buddyinfo() {
    return optionalText("buddyinfo", "buddyinfo is empty")
        .map(text -> BuddyinfoParser.parse(text, errors))
        .orElse(List.of());
  }

  /** Socket counts and buffer pages of the reader's network namespace; empty when unreadable. */
  public Optional<SocketMemory> sockstat() {
    return optionalText("net/sockstat", "socket_memory is null")
        .map(text -> SockstatParser.parse(text, errors));
  }

  /** The pids currently listed under /proc. */
  public List<Integer> pids() throws IOException {
    List<Integer> pids = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(procRoot)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.isEmpty() && isNumeric(name)) {
          pids.add(Integer.parseInt(name));
        }
      }
    }
    return pids;
  }

  private Optional<PressureStallReading> parsePressure(String text) {
    try {
      return Optional.of(PressureStallReading.parse(text));
    } catch (IllegalArgumentException e) {
      errors.count(ReadErrors.MALFORMED);
      return Optional.empty();
    }
  }

  /** The file's text; when absent or denied, says once what is missing and what is null. */
  private Optional<String> optionalText(String file, String consequence) {
    Path path = procRoot.resolve(file);
    try {
      return Optional.of(Files.readString(path));
    } catch (NoSuchFileException e) {
      notices.once(file, "no " + path + WHY_ABSENT.getOrDefault(file, "") + ": " + consequence);
      return Optional.empty();
    } catch (AccessDeniedException e) {
      errors.count(ReadErrors.PERMISSION_DENIED);
      notices.once(
          file, "may not read " + path + WHY_DENIED.getOrDefault(file, "") + ": " + consequence);
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
