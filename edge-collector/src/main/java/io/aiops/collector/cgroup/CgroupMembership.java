package io.aiops.collector.cgroup;

/**
 * The memory cgroup a process belongs to: its path and the hierarchy version that holds it. On a
 * hybrid host (memory on v1, the unified hierarchy mounted beside it) {@code unifiedPath} is the
 * process's cgroup in the unified hierarchy, which is where the kernel keeps its memory.pressure;
 * otherwise it is null.
 */
public record CgroupMembership(String path, int version, String unifiedPath) {

  public CgroupMembership(String path, int version) {
    this(path, version, null);
  }

  /**
   * Reads /proc/<pid>/cgroup. When a v1 hierarchy carries the memory controller (v1 or hybrid
   * hosts), that is where limits are enforced; otherwise the unified "0::" line is the v2 path.
   * Returns null when neither is present.
   */
  public static CgroupMembership parse(String procCgroupText) {
    String unified = null;
    String memoryV1 = null;
    for (String line : procCgroupText.split("\n")) {
      int first = line.indexOf(':');
      int second = first < 0 ? -1 : line.indexOf(':', first + 1);
      if (second < 0) {
        continue;
      }
      String controllers = line.substring(first + 1, second);
      String path = line.substring(second + 1).trim();
      if (controllers.isEmpty() && line.startsWith("0:")) {
        unified = path;
      }
      for (String controller : controllers.split(",")) {
        if (controller.equals("memory")) {
          memoryV1 = path;
        }
      }
    }
    if (memoryV1 != null) {
      return new CgroupMembership(memoryV1, 1, unified);
    }
    return unified == null ? null : new CgroupMembership(unified, 2);
  }
}
