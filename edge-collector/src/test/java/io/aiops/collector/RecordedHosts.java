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
  public static final String KERNEL_5_15_SWAP_HEAVY = "kernel-5.15-swap-heavy";

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
