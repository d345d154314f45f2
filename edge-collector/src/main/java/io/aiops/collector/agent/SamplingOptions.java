package io.aiops.collector.agent;

import io.aiops.collector.config.SamplingSettings;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of what to read and which processes to keep, shared by the agent and memory. */
public final class SamplingOptions {
  @Option(
      names = "--rss-floor",
      paramLabel = "SIZE",
      description = "Keep every process at or above this RSS (default: 16MiB; AIOPS_RSS_FLOOR).")
  String rssFloor;

  @Option(
      names = "--top",
      paramLabel = "N",
      description =
          "Keep the N largest processes by RSS even below the floor (default: 50; AIOPS_TOP).")
  String top;

  @Option(
      names = "--proc-root",
      paramLabel = "DIR",
      description = "The host's /proc, e.g. /host/proc in a container (default: /proc).")
  String procRoot;

  @Option(
      names = "--sys-root",
      paramLabel = "DIR",
      description = "The host's /sys, for cgroup files under fs/cgroup (default: /sys).")
  String sysRoot;

  @Option(
      names = "--machine-id-file",
      paramLabel = "FILE",
      description = "The host's machine id, its host_id (default: /etc/machine-id).")
  String machineIdFile;

  /** Adds the options typed on the command line, keyed by setting name. */
  void addGiven(Map<String, String> given) {
    GivenOptions.put(given, SamplingSettings.RSS_FLOOR, rssFloor);
    GivenOptions.put(given, SamplingSettings.TOP, top);
    GivenOptions.put(given, SamplingSettings.PROC_ROOT, procRoot);
    GivenOptions.put(given, SamplingSettings.SYS_ROOT, sysRoot);
    GivenOptions.put(given, SamplingSettings.MACHINE_ID_FILE, machineIdFile);
  }
}
