package io.aiops.collector;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** The recorded host trees under src/test/resources/hosts (described in its README.md). */
public final class RecordedHosts {
  public static final String KERNEL_3_10 = "kernel-3.10-el7";
  public static final String KERNEL_4_18_ARM64_NO_PSI = "kernel-4.18-el8-aarch64-no-psi";
  public static final String KERNEL_5_15_CGROUP_V2 = "kernel-5.15-cgroup-v2";
  public static final String KERNEL_6_1_HYBRID = "kernel-6.1-cgroup-v1-hybrid";
  public static final String KERNEL_5_15_SWAP_HEAVY = "kernel-5.15-swap-heavy";

  /**
   * Recorded whole on the build machine (6.18): full smaps, status, stat and smaps_rollup of three
   * processes, with what pmap -x and smem said of them at the same moment (recorded-with/).
   */
  public static final String KERNEL_6_18_RECORDED_SMAPS = "kernel-6.18-recorded-smaps";

  /**
   * Recorded whole on the build machine (6.18, memory controller on cgroup v1) right after a real
   * memcg OOM kill: a 96 MiB cgroup whose leaking python3 was killed while its bystander (sleep)
   * lived on; dev/kmsg holds every kernel log record since the leak started, raw. See
   * recorded-with/record.py.
   */
  public static final String KERNEL_6_18_MEMCG_OOM = "kernel-6.18-memcg-oom";

  /** In {@link #KERNEL_6_18_MEMCG_OOM}: the cgroup whose limit was hit, as the kernel names it. */
  public static final String OOM_MEMCG =
      "/process_api/27053ccaa5cd75ddbd8fac6990b34f9b/aiops-oom-demo";

  /** In {@link #KERNEL_6_18_MEMCG_OOM}: the process the kernel killed (gone from the tree). */
  public static final int OOM_VICTIM = 29897;

  /** In {@link #KERNEL_6_18_MEMCG_OOM}: sleep 1000 in the same cgroup, which survived. */
  public static final int OOM_BYSTANDER = 29865;

  /** In {@link #KERNEL_6_18_MEMCG_OOM}: an idle JVM outside the cgroup. */
  public static final int OOM_HOST_JVM = 29866;

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

  private static final Map<String, Path> EXTRACTED = new HashMap<>();

  private RecordedHosts() {}

  /**
   * The root of a recorded tree, holding proc/, sys/ and etc/. Another module's tests read the
   * trees from this module's test-jar: the readers need a real directory, so the tree is copied out
   * of the jar once per JVM.
   */
  public static synchronized Path root(String tree) {
    URL url = RecordedHosts.class.getResource("/hosts/" + tree);
    if (url == null) {
      throw new IllegalArgumentException("no recorded host " + tree);
    }
    try {
      URI uri = url.toURI();
      if (!uri.getScheme().equals("jar")) {
        return Path.of(uri);
      }
      Path copy = EXTRACTED.get(tree);
      if (copy == null) {
        copy = extract(uri, tree);
        EXTRACTED.put(tree, copy);
      }
      return copy;
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read recorded host " + tree + ": " + e, e);
    }
  }

  private static Path extract(URI uri, String tree) throws IOException {
    Path target = Files.createTempDirectory("recorded-" + tree + "-");
    FileSystem jar;
    try {
      jar = FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      jar = FileSystems.getFileSystem(uri);
    }
    Path source = jar.provider().getPath(uri);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path from : files.toList()) {
        Path to = target.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
    return target;
  }

  public static Path proc(String tree) {
    return root(tree).resolve("proc");
  }
}
