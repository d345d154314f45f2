package io.aiops.cli.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.cli.AiopsCommand;
import io.aiops.cli.CapturedConsole;
import io.aiops.cli.LiveProcesses;
import io.aiops.collector.procfs.ProcFileBuffer;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inspects a JVM and sleep (a small C program) started by the test and compares the figures with
 * procps's {@code pmap -x} (Kbytes, RSS, Dirty, each mapping and the total) and with {@code smem}
 * (PSS) when it is installed. pmap is run just before and just after, and each figure must fall
 * within 2 % of the range the two readings span: an idle process barely moves, a JVM a little.
 */
@ExtendWith(CapturedConsole.class)
class LiveInspectMemoryAccuracyIT {
  private static final double TOLERANCE = 0.02;
  // The build's stdout, taken before CapturedConsole swaps System.out for each test: the measured
  // figures belong in the build log, not in the captured command output.
  private static final PrintStream REPORT = System.out;
  private static final int ATTEMPTS = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static LiveProcesses live;
  private static long jvm;
  private static long sleep;

  @BeforeAll
  static void startProcesses() throws IOException {
    live = new LiveProcesses();
    jvm = live.idleJvm().pid();
    sleep = live.sleep().pid();
  }

  @AfterAll
  static void stopProcesses() throws InterruptedException {
    live.close();
  }

  @Test
  void idleJvmAgreesWithPmapInEveryMappingAndInTotal(CapturedConsole console) throws IOException {
    agreesWithPmap(jvm, "idle JVM", console);
  }

  @Test
  void sleepAgreesWithPmapInEveryMappingAndInTotal(CapturedConsole console) throws IOException {
    agreesWithPmap(sleep, "sleep", console);
  }

  private static void agreesWithPmap(long pid, String what, CapturedConsole console)
      throws IOException {
    List<String> failures = new ArrayList<>();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Pmap before = Pmap.of(pid);
      JsonNode doc = inspect(pid, console);
      Pmap after = Pmap.of(pid);
      failures.clear();
      double worst = 0;
      JsonNode total = doc.path("total");
      String[] names = {"Kbytes", "RSS", "Dirty"};
      String[] fields = {"size_bytes", "rss_bytes", "dirty_bytes"};
      for (int i = 0; i < names.length; i++) {
        long ours = total.path(fields[i]).asLong() / 1024;
        double d = deviation(ours, before.total[i], after.total[i]);
        worst = Math.max(worst, d);
        REPORT.printf(
            "LiveInspectMemoryAccuracyIT: %s total %-6s ours %,d kB, pmap -x %,d..%,d kB,"
                + " outside the range %.3f %%%n",
            what, names[i], ours, before.total[i], after.total[i], 100 * d);
        if (d > TOLERANCE) {
          failures.add(
              "total " + names[i] + " " + ours + " vs " + before.total[i] + ".." + after.total[i]);
        }
      }
      int compared = 0;
      double worstMapping = 0;
      for (JsonNode m : doc.path("mappings")) {
        long start = Long.parseUnsignedLong(m.path("start").asText(), 16);
        long[] b = before.byStart.get(start);
        long[] a = after.byStart.get(start);
        if (b == null || a == null) {
          failures.add("mapping " + m.path("start").asText() + " not in pmap -x");
          continue;
        }
        compared++;
        for (int i = 0; i < names.length; i++) {
          long ours = m.path(fields[i]).asLong() / 1024;
          double d = deviation(ours, b[i], a[i]);
          worstMapping = Math.max(worstMapping, d);
          if (d > TOLERANCE) {
            failures.add(
                m.path("start").asText()
                    + " "
                    + names[i]
                    + " "
                    + ours
                    + " vs "
                    + b[i]
                    + ".."
                    + a[i]);
          }
        }
      }
      REPORT.printf(
          "  %d mappings compared (pmap -x listed %d); largest deviation outside pmap's range:"
              + " totals %.3f %%, a mapping %.3f %%%n",
          compared, after.byStart.size(), 100 * worst, 100 * worstMapping);
      if (compared == after.byStart.size() && failures.isEmpty()) {
        return;
      }
      REPORT.printf("  attempt %d of %d off: %s%n", attempt, ATTEMPTS, failures);
    }
    fail(what + " disagrees with pmap -x in every attempt: " + failures);
  }

  @Test
  void pssAndUssAgreeWithSmem(CapturedConsole console) throws IOException {
    if (!onPath("smem")) {
      String reason = "smem is not installed (apt-get install smem): the PSS comparison is skipped";
      REPORT.println("LiveInspectMemoryAccuracyIT: " + reason);
      Assumptions.abort(reason);
    }
    // smem is itself a process mapping libc while it reads, so it lowers the PSS of every shared
    // page it measures: by 5-6 % for the small sleep program (libc is most of its PSS), by under
    // 0.1 % for the JVM. Our reading has no such observer (it runs inside the test JVM, which
    // already maps libc). So PSS is compared on the JVM. USS on both; but a file page of sleep's
    // that only sleep had mapped turns shared while smem maps it too, so smem's USS of sleep reads
    // low by up to sleep's private file pages (a CI run met 168 kB ours against smem's 144 kB), and
    // never high.
    agreesWithSmem(jvm, "pss", "pss_bytes", false, console);
    agreesWithSmem(jvm, "uss", "private_bytes", false, console);
    agreesWithSmem(sleep, "uss", "private_bytes", true, console);
  }

  /**
   * {@code smemMaySharePrivateFilePages}: smem's reading may be lower than ours by the process's
   * private file-backed pages (private minus anonymous, by our reading), which smem's own mappings
   * of the same files make shared while it reads.
   */
  private static void agreesWithSmem(
      long pid,
      String column,
      String field,
      boolean smemMaySharePrivateFilePages,
      CapturedConsole console)
      throws IOException {
    long before = smemKb(pid, column);
    JsonNode total = inspect(pid, console).path("total");
    long after = smemKb(pid, column);
    long ours = total.path(field).asLong() / 1024;
    long privateFileKb =
        Math.max(0, total.path("private_bytes").asLong() - total.path("anonymous_bytes").asLong())
            / 1024;
    long observerKb = smemMaySharePrivateFilePages ? privateFileKb : 0;
    long low = Math.min(before, after);
    long high = Math.max(before, after) + observerKb;
    double d = deviation(ours, low, high);
    REPORT.printf(
        "LiveInspectMemoryAccuracyIT: pid %d %s ours %,d kB, smem %,d..%,d kB (+%,d kB its own"
            + " sharing may hide), outside the range %.3f %%%n",
        pid, column.toUpperCase(Locale.ROOT), ours, before, after, observerKb, 100 * d);
    assertTrue(
        d <= TOLERANCE,
        column
            + " of "
            + pid
            + ": "
            + ours
            + " vs smem "
            + before
            + ".."
            + after
            + " (+"
            + observerKb
            + " kB)");
  }

  @Test
  void anIdleJvmsCodeCacheIsJitCodeAndNoFinding(CapturedConsole console) throws IOException {
    int status =
        AiopsCommand.run("inspect", "memory", "--pid", Long.toString(jvm), "--format", "json");
    JsonNode doc = JSON.readTree(console.stdout());

    assertEquals(0, status, doc.path("unusual").toString());
    assertTrue(doc.path("jit_code").size() >= 1, doc.toString());
    REPORT.printf(
        "LiveInspectMemoryAccuracyIT: idle JVM exit %d, %d JIT code mappings%n",
        status, doc.path("jit_code").size());
  }

  @Test
  void aFileMappedWritableAndExecutableIsFlagged(@TempDir Path dir, CapturedConsole console)
      throws IOException {
    Assumptions.assumeTrue(onPath("python3"), "python3 maps the file: not installed");
    Path file = dir.resolve("plugin.bin");
    Files.write(file, new byte[8192]);
    long pid = live.writableExecutableFile(file).pid();

    int status =
        AiopsCommand.run("inspect", "memory", "--pid", Long.toString(pid), "--format", "json");
    JsonNode doc = JSON.readTree(console.stdout());

    assertEquals(1, status, doc.toString());
    List<String> flagged = new ArrayList<>();
    doc.path("unusual")
        .forEach(u -> flagged.add(u.path("finding").asText() + " " + u.path("path").asText()));
    assertTrue(flagged.contains("writable_executable " + file.toRealPath()), flagged.toString());
  }

  @Test
  void anotherUsersProcessNeedsRootOrPtraceAndExitsTwo(@TempDir Path dir, CapturedConsole console)
      throws IOException, InterruptedException {
    boolean root = "root".equals(System.getProperty("user.name"));
    if (!root) {
      // pid 1 is root's: this user may not read its smaps.
      assertEquals(2, AiopsCommand.run("inspect", "memory", "--pid", "1"));
      assertPermissionLine(console.stderr());
      return;
    }
    List<String> command =
        new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of(
            "-Xmx64m",
            "-cp",
            readableClasspath(dir),
            AiopsCommand.class.getName(),
            "inspect",
            "memory",
            "--pid",
            Long.toString(sleep)));
    Process nobody = new ProcessBuilder(command).start();
    String out = new String(nobody.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(nobody.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(nobody.waitFor(60, TimeUnit.SECONDS));
    REPORT.println("LiveInspectMemoryAccuracyIT: as nobody: " + err.strip());
    assertEquals(2, nobody.exitValue(), out + err);
    assertEquals("", out);
    assertPermissionLine(err);
  }

  private static void assertPermissionLine(String err) {
    List<String> lines = err.lines().toList();
    assertEquals(1, lines.size(), err);
    assertTrue(lines.get(0).contains("needs root or CAP_SYS_PTRACE"), err);
    assertFalse(err.contains("\tat "));
  }

  @Test
  void aPidThatDoesNotExistIsOneLineAndExitTwo(CapturedConsole console) throws IOException {
    // Files.readString reads sysctl files a byte and then the rest, and the kernel's integer
    // sysctls answer a read at offset 1 with end of file: "32768" came back as "3".
    ProcFileBuffer buffer = new ProcFileBuffer();
    buffer.read(Path.of("/proc/sys/kernel/pid_max"));
    long pidMax = Long.parseLong(buffer.text().trim());
    assertEquals(2, AiopsCommand.run("inspect", "memory", "--pid", Long.toString(pidMax + 1)));
    assertEquals(1, console.stderr().lines().count(), console.stderr());
    assertTrue(console.stderr().contains("no process with pid"), console.stderr());
  }

  private static JsonNode inspect(long pid, CapturedConsole console) throws IOException {
    int before = console.stdout().length();
    int status =
        AiopsCommand.run(
            "inspect", "memory", "--pid", Long.toString(pid), "--maps", "--format", "json");
    assertTrue(status == 0 || status == 1, "exit " + status + ": " + console.stderr());
    return JSON.readTree(console.stdout().substring(before));
  }

  /** Relative distance of a figure from the range two reference readings span (0 inside it). */
  static double deviation(long ours, long before, long after) {
    long low = Math.min(before, after);
    long high = Math.max(before, after);
    if (ours >= low && ours <= high) {
      return 0;
    }
    long nearest = ours < low ? low : high;
    return nearest == 0 ? Double.POSITIVE_INFINITY : Math.abs(ours - nearest) / (double) nearest;
  }

  private static long smemKb(long pid, String column) {
    for (String line : LiveProcesses.run("smem", "-H", "-c", "pid " + column).split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2 && parts[0].equals(Long.toString(pid))) {
        return Long.parseLong(parts[1]);
      }
    }
    throw new AssertionError("smem does not list pid " + pid);
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** pmap -x of one process: Kbytes, RSS and Dirty of each mapping by start, and the total. */
  record Pmap(Map<Long, long[]> byStart, long[] total) {
    static Pmap of(long pid) {
      Map<Long, long[]> rows = new HashMap<>();
      long[] total = null;
      String text = LiveProcesses.run("pmap", "-x", Long.toString(pid));
      for (String line : text.split("\n")) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length >= 5 && parts[0].matches("[0-9a-f]{16}")) {
          rows.put(
              Long.parseUnsignedLong(parts[0], 16),
              new long[] {
                Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3])
              });
        } else if (line.startsWith("total kB")) {
          total =
              new long[] {
                Long.parseLong(parts[2]), Long.parseLong(parts[3]), Long.parseLong(parts[4])
              };
        }
      }
      if (total == null) {
        throw new AssertionError("unexpected pmap -x output (procps-ng expected):\n" + text);
      }
      return new Pmap(rows, total);
    }
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
      try (Stream<Path> tree = Files.walk(source)) {
        for (Path from : tree.toList()) {
          Path to =
              Files.isDirectory(source)
                  ? target.resolve(source.relativize(from).toString())
                  : target;
          if (Files.isDirectory(from)) {
            Files.createDirectories(to);
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
          } else {
            Files.copy(from, to);
            Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
          }
        }
      }
      copies.add(target.toString());
    }
    return String.join(File.pathSeparator, copies);
  }
}
