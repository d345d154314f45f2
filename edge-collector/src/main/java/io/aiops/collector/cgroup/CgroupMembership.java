package io.aiops.collector.cgroup;

/** The memory cgroup a process belongs to: its path and the hierarchy version that holds it. */
public record CgroupMembership(String path, int version) {

  /**
   * Reads /proc/<pid>/cgroup. When a v1 hierarchy carries the memory controller (v1 or hybrid
   * hosts), that is where limits are enforced; otherwise the unified "0::" line is the v2 path.
   * Returns null when neither is present.
   */
  public static CgroupMembership parse(String procCgroupText) {
    String unified = null;
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
          return new CgroupMembership(path, 1);
        }
      }
    }
    return unified == null ? null : new CgroupMembership(unified, 2);
  }
}
