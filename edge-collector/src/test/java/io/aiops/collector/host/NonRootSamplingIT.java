package io.aiops.collector.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the collector as an unprivileged user (nobody, via setpriv, when this test runs as root)
 * against the live /proc: other users' smaps_rollup is denied, which must leave those fields null,
 * be counted, and be said once in the log however many samples are taken.
 */
class NonRootSamplingIT {
  private static final int NOBODY = 65534;
  private static final Pattern PROCESS =
      Pattern.compile("process (\\d+) uid=(\\S+) pss=(\\S+) fd=(\\S+) cmdline=(\\S+)");

  @Test
  void samplesOtherUsersProcessesWithoutTheirSmapsRollupAndSaysSoOnce(@TempDir Path dir)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      command.addAll(
          List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
    }
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of("-Xmx64m", "-cp", readableClasspath(dir), NonRootSampleProbe.class.getName(), "3"));
    Process probe =
        new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile()).start();
    String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(probe.waitFor(60, TimeUnit.SECONDS));
    String log = Files.readString(dir.resolve("stderr"));
    assertEquals(0, probe.exitValue(), out + log);

    long self =
        Long.parseLong(
            out.lines().filter(l -> l.startsWith("self ")).findFirst().orElseThrow().substring(5));
    int others = 0;
    boolean sawSelf = false;
    for (String line : out.lines().toList()) {
      Matcher m = PROCESS.matcher(line);
      if (!m.matches() || m.group(2).equals("gone")) {
        continue;
      }
      assertEquals("true", m.group(5), "cmdline is readable by anyone: " + line);
      if (Long.parseLong(m.group(1)) == self) {
        sawSelf = true;
        assertNotEquals("null", m.group(3), "its own smaps_rollup: " + line);
        assertNotEquals("null", m.group(4), "its own fds: " + line);
      } else if (Integer.parseInt(m.group(2)) != uidOf(self, root)) {
        others++;
        assertEquals(
            "null", m.group(3), "another user's smaps_rollup needs ptrace access: " + line);
      }
    }
    assertTrue(sawSelf, out);
    assertTrue(others > 0, "no other user's process to check:\n" + out);
    assertTrue(out.contains("permission_denied="), out);
    long said =
        log.lines().filter(l -> l.contains("smaps_rollup of other users' processes")).count();
    assertEquals(1, said, "said once in three samples:\n" + log);
    System.out.printf(
        "NonRootSamplingIT: %d other users' processes sampled without smaps_rollup; log:%n%s",
        others, log);
  }

  private static int uidOf(long self, boolean root) throws IOException {
    return root
        ? NOBODY
        : (Integer) Files.getAttribute(Path.of("/proc", String.valueOf(self)), "unix:uid");
  }

  /**
   * The test classpath copied where the unprivileged user may read it (the local Maven repository
   * under /root is not).
   */
  private static String readableClasspath(Path dir) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> copies = new ArrayList<>();
    int n = 0;
    for (String entry : classpath.split(File.pathSeparator)) {
      Path source = Path.of(entry);
      if (!Files.exists(source)) {
        continue;
      }
      Path target = dir.resolve("cp" + n++ + (Files.isDirectory(source) ? "" : ".jar"));
      copy(source, target);
      copies.add(target.toString());
    }
    return String.join(File.pathSeparator, copies);
  }

  private static void copy(Path source, Path target) throws IOException {
    if (!Files.isDirectory(source)) {
      Files.copy(source, target);
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
      return;
    }
    try (Stream<Path> tree = Files.walk(source)) {
      for (Path from : tree.toList()) {
        Path to = target.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
          Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(from, to);
          Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
  }
}
