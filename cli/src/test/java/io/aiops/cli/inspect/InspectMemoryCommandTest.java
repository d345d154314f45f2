package io.aiops.cli.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.cli.AiopsCommand;
import io.aiops.cli.CapturedConsole;
import io.aiops.collector.RecordedHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CapturedConsole.class)
class InspectMemoryCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path TREE = RecordedHosts.root(RecordedHosts.KERNEL_6_18_RECORDED_SMAPS);
  private static final String PROC = TREE.resolve("proc").toString();

  private static int inspect(int pid, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("inspect", "memory", "--pid", Integer.toString(pid), "--proc-root", PROC));
    args.addAll(List.of(more));
    return AiopsCommand.run(args.toArray(String[]::new));
  }

  private static JsonNode json(CapturedConsole console) throws IOException {
    assertEquals(1, console.stdout().lines().count(), "one JSON object on one line");
    return JSON.readTree(console.stdout());
  }

  /** The rows of what pmap -x printed when the tree was recorded: address, Kbytes, RSS, Dirty. */
  private static List<long[]> pmapRows(int pid) throws IOException {
    List<long[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(TREE.resolve("recorded-with/pmap-x-" + pid + ".txt"))) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length >= 5 && parts[0].matches("[0-9a-f]{16}")) {
        rows.add(
            new long[] {
              Long.parseUnsignedLong(parts[0], 16),
              Long.parseLong(parts[1]),
              Long.parseLong(parts[2]),
              Long.parseLong(parts[3])
            });
      } else if (line.startsWith("total kB")) {
        rows.add(
            new long[] {
              -1, Long.parseLong(parts[2]), Long.parseLong(parts[3]), Long.parseLong(parts[4])
            });
      }
    }
    return rows;
  }

  @Test
  void totalsOfTheRecordedJvmEqualPmapRecordedWithIt(CapturedConsole console) throws IOException {
    assertEquals(0, inspect(RecordedHosts.RECORDED_JVM, "--format", "json"));
    JsonNode doc = json(console);
    long[] pmapTotal =
        pmapRows(RecordedHosts.RECORDED_JVM).stream()
            .filter(r -> r[0] == -1)
            .findFirst()
            .orElseThrow();
    JsonNode total = doc.path("total");
    assertEquals(pmapTotal[1] * 1024, total.path("size_bytes").asLong());
    assertEquals(pmapTotal[2] * 1024, total.path("rss_bytes").asLong());
    assertEquals(pmapTotal[3] * 1024, total.path("dirty_bytes").asLong());
    long regionsRss = 0;
    int regionsMappings = 0;
    for (JsonNode region : doc.path("regions")) {
      regionsRss += region.path("rss_bytes").asLong();
      regionsMappings += region.path("mappings").asInt();
    }
    assertEquals(total.path("rss_bytes").asLong(), regionsRss, "the kinds partition the total");
    assertEquals(167, regionsMappings);
    assertEquals(8, doc.path("regions").size(), "every kind, present or not");
    assertEquals("java", doc.path("comm").asText());
    assertEquals(
        "libjvm.so",
        Path.of(doc.path("largest_libraries").get(0).path("path").asText())
            .getFileName()
            .toString());
    assertFalse(doc.has("mappings"), "only with --maps");
  }

  @Test
  void aJvmsCodeCacheIsReportedAsJitCodeAndIsNoFinding(CapturedConsole console) throws IOException {
    assertEquals(0, inspect(RecordedHosts.RECORDED_JVM, "--format", "json"));
    JsonNode doc = json(console);

    assertEquals(0, doc.path("unusual").size(), doc.path("unusual").toString());
    JsonNode jit = doc.path("jit_code");
    assertEquals(3, jit.size(), "the JVM's three code heaps: " + jit);
    for (JsonNode heap : jit) {
      assertEquals("jit_code", heap.path("finding").asText());
      assertEquals("rwxp", heap.path("permissions").asText());
      assertEquals("", heap.path("path").asText(), "anonymous");
    }
  }

  @Test
  void theReportListsJitCodeApartFromTheUnusualMappings(CapturedConsole console) {
    assertEquals(0, inspect(RecordedHosts.RECORDED_JVM));
    String report = console.stdout();

    assertTrue(report.contains("UNUSUAL MAPPINGS\n  none\n\nJIT CODE (not unusual)\n"), report);
    assertEquals(3, report.lines().filter(l -> l.matches(" {4}\\p{XDigit}+ +rwxp .*")).count());
  }

  @Test
  void flagsEveryKindOfUnusualMappingAndExitsOne(CapturedConsole console) throws IOException {
    assertEquals(1, inspect(RecordedHosts.RECORDED_ODD_MAPPINGS, "--format", "json"));
    JsonNode doc = json(console);
    Set<String> findings = new HashSet<>();
    for (JsonNode u : doc.path("unusual")) {
      findings.add(u.path("finding").asText() + " " + u.path("path").asText());
    }
    assertEquals(
        Set.of(
            "large_shared_memory /SYSV00000000 (deleted)",
            "deleted_file /tmp/cap/scratch.dat (deleted)",
            "huge_anonymous "),
        findings,
        "memfd and shared anonymous memory read (deleted) too, yet are no deleted file");
    assertEquals(1, doc.path("jit_code").size(), "its private anonymous rwx page");
    assertEquals("7f2776e21000", doc.path("jit_code").get(0).path("start").asText());
  }

  @Test
  void aSmallCProgramHasNothingUnusualAndExitsZero(CapturedConsole console) {
    assertEquals(0, inspect(RecordedHosts.RECORDED_SLEEP));
    String report = console.stdout();
    assertTrue(report.startsWith("pid 27347 (sleep), owner "), report);
    assertTrue(report.contains("UNUSUAL MAPPINGS\n  none\n"), report);
    assertTrue(report.contains("\nshared libraries "), report);
    assertTrue(report.contains("libc.so.6"), report);
    assertFalse(report.contains("\u001b["), "no colour when not at a terminal");
  }

  @Test
  void mapsListsEveryMappingWithPmapsFigures(CapturedConsole console) throws IOException {
    assertEquals(0, inspect(RecordedHosts.RECORDED_SLEEP, "--maps", "--format", "json"));
    JsonNode mappings = json(console).path("mappings");
    List<long[]> pmap =
        pmapRows(RecordedHosts.RECORDED_SLEEP).stream().filter(r -> r[0] != -1).toList();
    assertEquals(pmap.size(), mappings.size());
    for (int i = 0; i < pmap.size(); i++) {
      JsonNode m = mappings.get(i);
      long[] row = pmap.get(i);
      assertEquals(row[0], Long.parseUnsignedLong(m.path("start").asText(), 16));
      assertEquals(row[1] * 1024, m.path("size_bytes").asLong(), m.toString());
      assertEquals(row[2] * 1024, m.path("rss_bytes").asLong(), m.toString());
      assertEquals(row[3] * 1024, m.path("dirty_bytes").asLong(), m.toString());
    }
  }

  @Test
  void mapsInTextEndsWithPmapsTotalLine(CapturedConsole console) throws IOException {
    assertEquals(0, inspect(RecordedHosts.RECORDED_SLEEP, "--maps"));
    long[] total =
        pmapRows(RecordedHosts.RECORDED_SLEEP).stream()
            .filter(r -> r[0] == -1)
            .findFirst()
            .orElseThrow();
    String last = console.stdout().lines().reduce((a, b) -> b).orElseThrow();
    String[] parts = last.trim().split("\\s+");
    assertEquals(List.of("total", "kB"), List.of(parts[0], parts[1]));
    assertEquals(total[1], Long.parseLong(parts[2]));
    assertEquals(total[2], Long.parseLong(parts[3]));
    assertEquals(total[3], Long.parseLong(parts[6]), "KBYTES RSS PSS SWAP DIRTY");
  }

  @Test
  void detailAddsEverySmapsField(CapturedConsole console) throws IOException {
    assertEquals(0, inspect(RecordedHosts.RECORDED_SLEEP, "--detail", "--format", "json"));
    JsonNode first = json(console).path("mappings").get(0);
    assertEquals(4096, first.path("smaps_bytes").path("KernelPageSize").asLong());
    assertTrue(first.path("smaps_bytes").has("Private_Hugetlb"));
    assertTrue(first.path("smaps_other").path("VmFlags").asText().startsWith("rd"));
  }

  @Test
  void detailInTextPrintsTheFieldsUnderEachMapping(CapturedConsole console) {
    assertEquals(0, inspect(RecordedHosts.RECORDED_SLEEP, "--detail"));
    assertTrue(
        console.stdout().contains("    Size: 8 kB, KernelPageSize: 4 kB,"), console.stdout());
    assertTrue(console.stdout().contains("VmFlags: rd"), console.stdout());
  }

  @Test
  void aPidThatDoesNotExistIsOneLineAndExitTwo(CapturedConsole console) {
    assertEquals(2, inspect(999999));
    assertEquals(1, console.stderr().lines().count(), console.stderr());
    assertTrue(console.stderr().startsWith("aiops: no process with pid 999999"), console.stderr());
    assertEquals("", console.stdout());
  }

  @Test
  void aKernelThreadHasNoMemoryOfItsOwn(CapturedConsole console) {
    String proc = RecordedHosts.proc(RecordedHosts.KERNEL_6_1_HYBRID).toString();
    assertEquals(2, AiopsCommand.run("inspect", "memory", "--pid", "2", "--proc-root", proc));
    assertTrue(console.stderr().contains("kernel thread"), console.stderr());
  }

  @Test
  void aTreeRecordedWithoutSmapsSaysSo(CapturedConsole console) {
    String proc = RecordedHosts.proc(RecordedHosts.KERNEL_6_1_HYBRID).toString();
    assertEquals(2, AiopsCommand.run("inspect", "memory", "--pid", "4242", "--proc-root", proc));
    assertTrue(console.stderr().contains("4242/smaps: no such file"), console.stderr());
    assertFalse(console.stderr().contains("\tat "));
  }

  @Test
  void badUsageIsOneLineAndExitTwo(CapturedConsole console) {
    assertEquals(2, inspect(RecordedHosts.RECORDED_SLEEP, "--format", "yaml"));
    assertEquals(
        2, AiopsCommand.run("inspect", "memory", "--pid", "1", "--proc-root", "/nonexistent"));
    assertEquals(2, AiopsCommand.run("inspect", "memory"));
    List<String> lines = console.stderr().lines().toList();
    assertEquals(3, lines.size(), console.stderr());
    assertTrue(lines.get(0).contains("--format must be text or json"));
    assertTrue(lines.get(1).contains("--proc-root '/nonexistent' has no readable meminfo"));
    assertTrue(lines.get(2).contains("--pid"));
  }

  @Test
  void helpTeachesWithExamplesAndExitStatus(CapturedConsole console) {
    assertEquals(0, AiopsCommand.run("inspect", "memory", "--help"));
    assertTrue(console.stdout().contains("aiops inspect memory --pid 4242"));
    assertTrue(console.stdout().contains("CAP_SYS_PTRACE"));
    assertTrue(console.stdout().contains("Exit status: 0"));
  }
}
