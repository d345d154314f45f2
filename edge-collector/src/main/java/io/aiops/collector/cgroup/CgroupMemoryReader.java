package io.aiops.collector.cgroup;

import io.aiops.collector.procfs.MissingDataNotices;
import io.aiops.collector.procfs.PressureStallReading;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.CgroupMemory;
import io.aiops.schemas.memory.PressureStall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads one memory cgroup's usage, limits, memory.stat, events and pressure, on v1 or v2. */
public final class CgroupMemoryReader {
  // v1 reports "unlimited" as a huge page-aligned number (LONG_MAX rounded down to a page).
  private static final long V1_UNLIMITED_THRESHOLD = 1L << 62;

  private final Path cgroupRoot;
  private final CgroupFiles files;

  public CgroupMemoryReader(Path cgroupRoot, ReadErrors errors) {
    this(cgroupRoot, errors, new MissingDataNotices());
  }

  public CgroupMemoryReader(Path cgroupRoot, ReadErrors errors, MissingDataNotices notices) {
    this.cgroupRoot = cgroupRoot;
    this.files = new CgroupFiles(errors, notices);
  }

  /** The figures of one cgroup, or null when its directory cannot be read. */
  public CgroupMemory read(CgroupMembership membership) {
    return membership.version() == 2
        ? readV2(membership.path())
        : readV1(membership.path(), membership.unifiedPath());
  }

  private CgroupMemory readV2(String path) {
    Path dir = v2Root().resolve(relative(path));
    Long usage = files.number(dir.resolve("memory.current"));
    if (usage == null) {
      return null;
    }
    Map<String, Long> stat = files.keyValues(dir.resolve("memory.stat"));
    Map<String, Long> events = files.keyValues(dir.resolve("memory.events"));
    PressureStallReading pressure = files.pressure(dir.resolve("memory.pressure"));
    return common(path, 2, usage, stat, events)
        .setLimitBytes(files.limit(dir.resolve("memory.max")))
        .setAnonBytes(stat.get("anon"))
        .setFileBytes(stat.get("file"))
        .setFileMappedBytes(stat.get("file_mapped"))
        .setFileDirtyBytes(stat.get("file_dirty"))
        .setWritebackBytes(stat.get("file_writeback"))
        .setSwapBytes(files.number(dir.resolve("memory.swap.current")))
        .setHighBytes(files.limit(dir.resolve("memory.high")))
        .setHighEvents(events.get("high"))
        .setMaxEvents(events.get("max"))
        .setMemoryPressure(pressure == null ? null : pressure.toAvro())
        .build();
  }

  private CgroupMemory readV1(String path, String unifiedPath) {
    Path dir = cgroupRoot.resolve("memory").resolve(relative(path));
    Long usage = files.number(dir.resolve("memory.usage_in_bytes"));
    if (usage == null) {
      return null;
    }
    Long limit = files.number(dir.resolve("memory.limit_in_bytes"));
    if (limit != null && limit >= V1_UNLIMITED_THRESHOLD) {
      limit = null;
    }
    Map<String, Long> stat = files.keyValues(dir.resolve("memory.stat"));
    Map<String, Long> events = files.keyValues(dir.resolve("memory.oom_control"));
    return common(path, 1, usage, stat, events)
        .setLimitBytes(limit)
        .setAnonBytes(total(stat, "rss"))
        .setFileBytes(total(stat, "cache"))
        .setFileMappedBytes(total(stat, "mapped_file"))
        // dirty and writeback appeared in v1 memory.stat in 4.2.
        .setFileDirtyBytes(total(stat, "dirty"))
        .setWritebackBytes(total(stat, "writeback"))
        .setSwapBytes(total(stat, "swap"))
        // failcnt counts the times usage hit the limit: what v2 counts as "max" events.
        .setMaxEvents(files.number(dir.resolve("memory.failcnt")))
        .setMemoryPressure(hybridPressure(unifiedPath))
        .build();
  }

  /**
   * v1 has no per-cgroup PSI, but a hybrid host's unified hierarchy does (4.20+), for the process's
   * cgroup there (the "0::" line of /proc/<pid>/cgroup).
   */
  private PressureStall hybridPressure(String unifiedPath) {
    Path unified = unifiedMount();
    if (unifiedPath == null || unified == null) {
      return null;
    }
    PressureStallReading pressure =
        files.pressure(unified.resolve(relative(unifiedPath)).resolve("memory.pressure"));
    return pressure == null ? null : pressure.toAvro();
  }

  /** Fields named alike in v1 and v2 memory.stat (v1 with a total_ prefix). */
  private static CgroupMemory.Builder common(
      String path, int version, long usage, Map<String, Long> stat, Map<String, Long> events) {
    Long inactiveFile = total(stat, "inactive_file");
    Long workingSet = inactiveFile == null ? usage : Math.max(0, usage - inactiveFile);
    return CgroupMemory.newBuilder()
        .setPath(path)
        .setCgroupVersion(version)
        .setUsageBytes(usage)
        .setWorkingSetBytes(workingSet)
        .setInactiveFileBytes(inactiveFile)
        .setActiveAnonBytes(total(stat, "active_anon"))
        .setInactiveAnonBytes(total(stat, "inactive_anon"))
        .setActiveFileBytes(total(stat, "active_file"))
        .setShmemBytes(total(stat, "shmem"))
        .setOomEvents(events.get("oom"))
        .setOomKillEvents(events.get("oom_kill"));
  }

  /**
   * v1's total_* figures include descendants, as v2's do; plain ones are this cgroup alone. v2 has
   * no total_ names, so this reads the plain one there.
   */
  private static Long total(Map<String, Long> stat, String field) {
    return stat.getOrDefault("total_" + field, stat.get(field));
  }

  private Path v2Root() {
    if (Files.exists(cgroupRoot.resolve("cgroup.controllers"))) {
      return cgroupRoot;
    }
    Path unified = unifiedMount();
    return unified == null ? cgroupRoot : unified;
  }

  /** Where hybrid hosts mount the unified hierarchy (/sys/fs/cgroup/unified), or null. */
  private Path unifiedMount() {
    Path unified = cgroupRoot.resolve("unified");
    return Files.isDirectory(unified) ? unified : null;
  }

  private static String relative(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }
}
