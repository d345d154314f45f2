package io.aiops.collector.host;

import java.nio.file.Path;

/**
 * Where the collector reads a host from. The real host is {@link #live()}; tests point it at a
 * recorded tree, and a containerised collector at the host's /proc and /sys mounted elsewhere.
 */
public record HostPaths(Path procRoot, Path cgroupRoot, Path machineIdFile) {

  public static HostPaths live() {
    return new HostPaths(Path.of("/proc"), Path.of("/sys/fs/cgroup"), Path.of("/etc/machine-id"));
  }

  /**
   * A recorded tree laid out as {@code root/proc}, {@code root/sys/fs/cgroup}, {@code root/etc}.
   */
  public static HostPaths under(Path root) {
    return new HostPaths(
        root.resolve("proc"), root.resolve("sys/fs/cgroup"), root.resolve("etc/machine-id"));
  }
}
