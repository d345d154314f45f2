package io.aiops.cli;

import io.aiops.collector.RecordedHosts;
import java.nio.file.Path;
import java.util.List;

/**
 * The edge collector's recorded host trees, read where they lie as directories (the collector's
 * test-jar carries them as jar entries, which --proc-root cannot read), by the collector's names.
 */
public final class RecordedProcTrees {
  private static final Path HOSTS = Path.of("../edge-collector/src/test/resources/hosts");

  /** The trees that hold one vmstat reading. */
  public static final List<String> ONE_READING =
      List.of(
          RecordedHosts.KERNEL_3_10,
          RecordedHosts.KERNEL_4_18_ARM64_NO_PSI,
          RecordedHosts.KERNEL_5_15_CGROUP_V2,
          RecordedHosts.KERNEL_6_1_HYBRID);

  /** An 8 GiB VM in a swap storm, with vmstat.earlier read 10 s before vmstat. */
  public static final String SWAP_HEAVY = RecordedHosts.KERNEL_5_15_SWAP_HEAVY;

  public static final String SWAP_HEAVY_INTERVAL = "10s";

  /**
   * This build machine right after a real memcg OOM kill, with vmstat.earlier read as the leak
   * began, 10 s before vmstat, and the kernel log since then in dev/kmsg.
   */
  public static final String MEMCG_OOM = RecordedHosts.KERNEL_6_18_MEMCG_OOM;

  public static final String MEMCG_OOM_INTERVAL = "10s";

  private RecordedProcTrees() {}

  /** A file or directory of the tree, e.g. "dev/kmsg". */
  public static String file(String tree, String relative) {
    return HOSTS.resolve(tree).resolve(relative).toString();
  }

  /** The tree's proc directory, as --proc-root takes it. */
  public static String proc(String tree) {
    return HOSTS.resolve(tree).resolve("proc").toString();
  }
}
