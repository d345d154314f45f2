package io.aiops.collector;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The recorded host trees under src/test/resources/hosts (described in its README.md). */
public final class RecordedHosts {
  public static final String KERNEL_3_10 = "kernel-3.10-el7";
  public static final String KERNEL_4_18_ARM64_NO_PSI = "kernel-4.18-el8-aarch64-no-psi";
  public static final String KERNEL_5_15_CGROUP_V2 = "kernel-5.15-cgroup-v2";
  public static final String KERNEL_6_1_HYBRID = "kernel-6.1-cgroup-v1-hybrid";

  /**
   * Recorded whole on the build machine (6.18): full smaps, status, stat and smaps_rollup of three
   * processes, with what pmap -x and smem said of them at the same moment (recorded-with/).
   */
  public static final String KERNEL_6_18_RECORDED_SMAPS = "kernel-6.18-recorded-smaps";

  /** In {@link #KERNEL_6_18_RECORDED_SMAPS}: java -Xmx64m -XX:+UseSerialGC, idle, 167 mappings. */
  public static final int RECORDED_JVM = 27346;

  /** In {@link #KERNEL_6_18_RECORDED_SMAPS}: sleep 1000, a small C program, 37 mappings. */
  public static final int RECORDED_SLEEP = 27347;

  /**
   * In {@link #KERNEL_6_18_RECORDED_SMAPS}: recorded-with/oddmaps.c, a deleted file still mapped, a
   * 1.5 GiB SysV segment, shared anonymous memory, a memfd, a writable+executable page and 1.1 GiB
   * of touched anonymous memory.
   */
  public static final int RECORDED_ODD_MAPPINGS = 27679;

  private RecordedHosts() {}

  /** The root of a recorded tree, holding proc/, sys/ and etc/. */
  public static Path root(String tree) {
    URL url = RecordedHosts.class.getResource("/hosts/" + tree);
    if (url == null) {
      throw new IllegalArgumentException("no recorded host " + tree);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path proc(String tree) {
    return root(tree).resolve("proc");
  }
}
