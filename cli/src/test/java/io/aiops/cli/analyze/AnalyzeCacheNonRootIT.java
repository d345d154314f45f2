package io.aiops.cli.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the built aiops jar as an unprivileged user (nobody, via setpriv, when this test runs as
 * root): /proc/slabinfo is root's only, which the cache report must say in one line and go on.
 */
class AnalyzeCacheNonRootIT {
  private static final int NOBODY = 65534;
  private static final Path JAR = Path.of("target/aiops.jar");
  private static final Path LIB = Path.of("target/lib");

  @Test
  void saysInOneLineThatSlabinfoNeedsRootAndReportsTheRest(@TempDir Path dir)
      throws IOException, InterruptedException {
    String out = runAsNobody(dir, "analyze", "cache");

    List<String> slab = out.lines().filter(l -> l.contains("slabinfo")).toList();
    assertEquals(1, slab.size(), out);
    assertTrue(slab.get(0).contains("may not read /proc/slabinfo (mode 0400: root only"), out);
    assertTrue(out.contains("  page cache     "), out);
    assertTrue(out.contains("  slab           "), "meminfo still gives the slab's size: " + out);
    assertTrue(!out.contains("largest caches"), out);
    System.out.printf("AnalyzeCacheNonRootIT: %s%n", slab.get(0).strip());
  }

  @Test
  void jsonSaysSlabinfoWasNotReadable(@TempDir Path dir) throws IOException, InterruptedException {
    String out = runAsNobody(dir, "analyze", "cache", "--format", "json");

    assertTrue(out.contains("\"slabinfo_readable\":false"), out);
    assertTrue(out.contains("\"slab_caches\":null"), out);
  }

  private static String runAsNobody(Path dir, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      command.addAll(
          List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
    }
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-Xmx64m", "-jar", readableCopy(dir).toString()));
    command.addAll(List.of(args));
    Process aiops =
        new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile()).start();
    String out = new String(aiops.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(aiops.waitFor(60, TimeUnit.SECONDS));
    String err = Files.readString(dir.resolve("stderr"));
    assertEquals(0, aiops.exitValue(), out + err);
    assertEquals("", err, "notes go in the report, not on stderr");
    return out;
  }

  /** The jar and its lib/ where nobody may read them (the build tree may be private). */
  private static Path readableCopy(Path dir) throws IOException {
    assertTrue(Files.isRegularFile(JAR), "run after package: no " + JAR.toAbsolutePath());
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path lib = Files.createDirectory(dir.resolve("lib"));
    Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (Stream<Path> jars = Files.list(LIB)) {
      for (Path jar : jars.toList()) {
        readable(Files.copy(jar, lib.resolve(jar.getFileName())));
      }
    }
    return readable(Files.copy(JAR, dir.resolve("aiops.jar")));
  }

  private static Path readable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    return file;
  }
}
