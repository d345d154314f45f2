package io.aiops.collector.cgroup;

import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.CgroupMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads one memory cgroup's usage, limit, memory.stat and events, on cgroup v1 or v2. */
public final class CgroupMemoryReader {
  // v1 reports "unlimited" as a huge page-aligned number (LONG_MAX rounded down to a page).
  private static final long V1_UNLIMITED_THRESHOLD = 1L << 62;

  private final Path cgroupRoot;
  private final ReadErrors errors;

  public CgroupMemoryReader(Path cgroupRoot, ReadErrors errors) {
    this.cgroupRoot = cgroupRoot;
    this.errors = errors;
  }

  /** The figures of one cgroup, or null when its directory cannot be read. */
  public CgroupMemory read(CgroupMembership membership) {
    return membership.version() == 2 ? readV2(membership.path()) : readV1(membership.path());
  }

  private CgroupMemory readV2(String path) {
    Path dir = v2Root().resolve(relative(path));
    Long usage = number(dir.resolve("memory.current"));
    if (usage == null) {
      return null;
    }
    Map<String, Long> stat = keyValues(dir.resolve("memory.stat"));
    Map<String, Long> events = keyValues(dir.resolve("memory.events"));
    String max = text(dir.resolve("memory.max"));
    Long limit = max == null || max.equals("max") ? null : parseOrNull(max);
    return build(path, 2, usage, limit, stat.get("anon"), stat.get("file"), stat, events)
        .setSwapBytes(number(dir.resolve("memory.swap.current")))
        .build();
  }

  private CgroupMemory readV1(String path) {
    Path dir = cgroupRoot.resolve("memory").resolve(relative(path));
    Long usage = number(dir.resolve("memory.usage_in_bytes"));
    if (usage == null) {
      return null;
    }
    Long limit = number(dir.resolve("memory.limit_in_bytes"));
    if (limit != null && limit >= V1_UNLIMITED_THRESHOLD) {
      limit = null;
    }
    Map<String, Long> stat = keyValues(dir.resolve("memory.stat"));
    Map<String, Long> events = keyValues(dir.resolve("memory.oom_control"));
    // total_* figures include descendants, as v2's do; plain ones are this cgroup alone.
    return build(path, 1, usage, limit, total(stat, "rss"), total(stat, "cache"), stat, events)
        .setSwapBytes(total(stat, "swap"))
        .build();
  }

  private static CgroupMemory.Builder build(
      String path,
      int version,
      long usage,
      Long limit,
      Long anon,
      Long file,
      Map<String, Long> stat,
      Map<String, Long> events) {
    Long inactiveFile = total(stat, "inactive_file");
    Long workingSet = inactiveFile == null ? usage : Math.max(0, usage - inactiveFile);
    return CgroupMemory.newBuilder()
        .setPath(path)
        .setCgroupVersion(version)
        .setUsageBytes(usage)
        .setLimitBytes(limit)
        .setWorkingSetBytes(workingSet)
        .setAnonBytes(anon)
        .setFileBytes(file)
        .setInactiveFileBytes(inactiveFile)
        .setShmemBytes(stat.get("shmem"))
        .setOomEvents(events.get("oom"))
        .setOomKillEvents(events.get("oom_kill"));
  }

  private static Long total(Map<String, Long> stat, String field) {
    return stat.getOrDefault("total_" + field, stat.get(field));
  }

  private Path v2Root() {
    // Hybrid hosts mount the unified hierarchy below /sys/fs/cgroup/unified.
    Path unified = cgroupRoot.resolve("unified");
    return Files.exists(cgroupRoot.resolve("cgroup.controllers")) || !Files.isDirectory(unified)
        ? cgroupRoot
        : unified;
  }

  private static String relative(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private Long number(Path file) {
    String value = text(file);
    return value == null ? null : parseOrNull(value);
  }

  private Long parseOrNull(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      errors.count(ReadErrors.MALFORMED);
      return null;
    }
  }

  private Map<String, Long> keyValues(Path file) {
    String text = text(file);
    Map<String, Long> values = new HashMap<>();
    if (text == null) {
      return values;
    }
    for (String line : text.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2) {
        try {
          values.put(parts[0], Long.parseLong(parts[1]));
        } catch (NumberFormatException ignored) {
          errors.count(ReadErrors.MALFORMED);
        }
      }
    }
    return values;
  }

  private String text(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | SecurityException e) {
      errors.count(ReadErrors.IO);
      return null;
    }
  }
}
