package io.aiops.collector.config;

import io.aiops.collector.host.HostPaths;
import io.aiops.collector.host.ProcessSelection;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What to read and which processes to keep: shared by the agent and {@code collect memory}. A
 * containerised collector reads the host's /proc and /sys mounted elsewhere (e.g. /host/proc).
 */
public record SamplingSettings(HostPaths paths, ProcessSelection selection) {
  public static final String PROC_ROOT = "proc-root";
  public static final String SYS_ROOT = "sys-root";
  public static final String MACHINE_ID_FILE = "machine-id-file";
  public static final String RSS_FLOOR = "rss-floor";
  public static final String TOP = "top";

  public static SamplingSettings from(SettingSources sources) {
    Path procRoot = sources.path(PROC_ROOT, Path.of("/proc"));
    if (!Files.isReadable(procRoot.resolve("meminfo"))) {
      throw new SettingException(
          "--" + PROC_ROOT + " '" + procRoot + "' has no readable meminfo; give the host's /proc");
    }
    Path sysRoot = sources.path(SYS_ROOT, Path.of("/sys"));
    Path machineId = sources.path(MACHINE_ID_FILE, Path.of("/etc/machine-id"));
    long rssFloor =
        sources.bytes(RSS_FLOOR, ProcessSelection.DEFAULT_RSS_FLOOR_BYTES, /* min= */ 0);
    int top = sources.integer(TOP, ProcessSelection.DEFAULT_TOP_N, 0, 100_000);
    return new SamplingSettings(
        new HostPaths(procRoot, sysRoot.resolve("fs/cgroup"), machineId),
        new ProcessSelection(rssFloor, top));
  }
}
