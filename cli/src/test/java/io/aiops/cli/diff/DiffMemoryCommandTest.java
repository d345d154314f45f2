package io.aiops.cli.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiops.cli.AiopsCommand;
import io.aiops.cli.CapturedConsole;
import io.aiops.collector.RecordedHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diffs a snapshot of the recorded 6.18 tree against a copy changed the way a host changes: a
 * process grows, one shrinks, a pid is reused, one exits, one starts, the host reboots.
 */
@ExtendWith(CapturedConsole.class)
class DiffMemoryCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MIB = 1L << 20;
  private static final int ODD = RecordedHosts.RECORDED_ODD_MAPPINGS;
  private static final int JVM = RecordedHosts.RECORDED_JVM;
  private static final int SLEEP = RecordedHosts.RECORDED_SLEEP;

  @TempDir Path dir;
  private Path before;

  @BeforeEach
  void takeTheFirstSnapshot() {
    before = dir.resolve("before.json");
    Path root = RecordedHosts.root(RecordedHosts.KERNEL_6_18_RECORDED_SMAPS);
    int status =
        AiopsCommand.run(
            "snapshot",
            "memory",
            "--output",
            before.toString(),
            "--proc-root",
            root.resolve("proc").toString(),
            "--machine-id-file",
            root.resolve("etc/machine-id").toString());
    assertEquals(0, status);
  }

  /** The first snapshot, changed, saved as after.json, ten minutes later. */
  private Path after(Consumer<ObjectNode> change) throws IOException {
    ObjectNode doc = (ObjectNode) JSON.readTree(before.toFile());
    doc.put("taken_at_ms", doc.path("taken_at_ms").asLong() + 600_000);
    change.accept(doc);
    Path file = dir.resolve("after.json");
    JSON.writeValue(file.toFile(), doc);
    return file;
  }

  private static ObjectNode process(ObjectNode doc, int pid) {
    for (JsonNode p : doc.path("processes")) {
      if (p.path("pid").asInt() == pid) {
        return (ObjectNode) p;
      }
    }
    throw new AssertionError("no pid " + pid);
  }

  private static void grow(ObjectNode doc, int pid, long bytes) {
    ObjectNode p = process(doc, pid);
    p.put("rss_bytes", p.path("rss_bytes").asLong() + bytes);
    p.put("pss_bytes", p.path("pss_bytes").asLong() + bytes);
    ObjectNode anon = (ObjectNode) p.path("regions").path("anon_mmap");
    anon.put("rss_bytes", anon.path("rss_bytes").asLong() + bytes);
  }

  /** The diff's JSON line: the last of stdout, after the first snapshot's one-line summary. */
  private static JsonNode diffJson(CapturedConsole console) throws IOException {
    List<String> lines = console.stdout().lines().toList();
    assertEquals(2, lines.size(), "the snapshot's summary, then one JSON line");
    return JSON.readTree(lines.get(1));
  }

  private int diff(Path after, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "diff",
                "memory",
                "--snapshot1",
                before.toString(),
                "--snapshot2",
                after.toString()));
    args.addAll(List.of(more));
    return AiopsCommand.run(args.toArray(String[]::new));
  }

  @Test
  void aProcessThatGrewBeyondTheThresholdExitsOne(CapturedConsole console) throws IOException {
    Path after = after(doc -> grow(doc, ODD, 200 * MIB));
    assertEquals(1, diff(after, "--format", "json"));
    JsonNode d = diffJson(console);
    assertEquals(List.of(ODD), List.of(d.path("grew_beyond_threshold").get(0).asInt()));
    JsonNode odd = d.path("processes").get(0);
    assertEquals(ODD, odd.path("pid").asInt(), "the largest change first");
    assertEquals(200 * MIB, odd.path("rss_bytes_delta").asLong());
    assertEquals(200 * MIB, odd.path("pss_bytes_delta").asLong());
    assertEquals(200 * MIB, odd.path("regions").path("anon_mmap").path("rss_bytes_delta").asLong());
    assertEquals(0, odd.path("regions").path("library").path("rss_bytes_delta").asLong());
    assertEquals(600_000, d.path("interval_ms").asLong());
    assertEquals(0, d.path("new_processes").size());
  }

  @Test
  void theTextReportNamesTheProcessThatGrew(CapturedConsole console) throws IOException {
    assertEquals(1, diff(after(doc -> grow(doc, ODD, 200 * MIB))));
    String report = console.stdout();
    assertTrue(report.contains("(10m apart)"), report);
    assertTrue(report.contains("1 of 3 changed"), report);
    assertTrue(report.contains("anon_mmap +200 MiB"), report);
    assertTrue(
        report.contains("grew by more than 100 MiB: oddmaps (pid " + ODD + ") +200 MiB"), report);
  }

  @Test
  void growthWithinTheThresholdExitsZero(CapturedConsole console) throws IOException {
    Path after = after(doc -> grow(doc, JVM, 50 * MIB));
    assertEquals(0, diff(after));
    assertTrue(console.stdout().contains("no process grew by more than 100 MiB"));
    assertEquals(1, diff(after, "--threshold", "20MiB"), "a lower threshold catches it");
  }

  @Test
  void changesAreSortedBySizeWhicheverTheirSign(CapturedConsole console) throws IOException {
    Path after =
        after(
            doc -> {
              grow(doc, SLEEP, 10 * MIB);
              grow(doc, JVM, -30 * MIB);
            });
    assertEquals(0, diff(after, "--format", "json"));
    JsonNode processes = diffJson(console).path("processes");
    assertEquals(JVM, processes.get(0).path("pid").asInt());
    assertEquals(-30 * MIB, processes.get(0).path("rss_bytes_delta").asLong());
    assertEquals(SLEEP, processes.get(1).path("pid").asInt());
    assertEquals(0, processes.get(2).path("rss_bytes_delta").asLong());
  }

  @Test
  void aReusedPidIsADifferentProcess(CapturedConsole console) throws IOException {
    Path after =
        after(
            doc -> {
              ObjectNode sleep = process(doc, SLEEP);
              sleep.put("start_time_ticks", sleep.path("start_time_ticks").asLong() + 50_000);
              sleep.put("rss_bytes", 900 * MIB);
            });
    assertEquals(0, diff(after, "--format", "json"), "a new process is no growth");
    JsonNode d = diffJson(console);
    assertEquals(2, d.path("processes").size());
    assertEquals(SLEEP, d.path("new_processes").get(0).path("pid").asInt());
    assertEquals(SLEEP, d.path("gone_processes").get(0).path("pid").asInt());
  }

  @Test
  void startedAndEndedProcessesAreListedLargestFirst(CapturedConsole console) throws IOException {
    Path after =
        after(
            doc -> {
              var processes = (com.fasterxml.jackson.databind.node.ArrayNode) doc.path("processes");
              ObjectNode extra = process(doc, SLEEP).deepCopy();
              extra.put("pid", 31000);
              extra.put("comm", "worker");
              extra.put("rss_bytes", 300 * MIB);
              processes.add(extra);
              processes.remove(0); // oddmaps exited
            });
    assertEquals(0, diff(after));
    String report = console.stdout();
    assertTrue(report.contains("NEW PROCESSES (1)"), report);
    assertTrue(report.contains("31000    worker"), report);
    assertTrue(report.contains("GONE PROCESSES (1)"), report);
    assertTrue(report.contains(ODD + "    oddmaps"), report);
  }

  @Test
  void afterARebootNoProcessIsInBoth(CapturedConsole console) throws IOException {
    Path after = after(doc -> doc.put("boot_id", "00000000-0000-4000-8000-000000000000"));
    assertEquals(0, diff(after, "--format", "json"));
    JsonNode d = diffJson(console);
    assertFalse(d.path("same_boot").asBoolean());
    assertEquals(0, d.path("processes").size());
    assertEquals(3, d.path("new_processes").size());
    assertEquals(3, d.path("gone_processes").size());
  }

  @Test
  void meminfoChangesAreSortedBySize(CapturedConsole console) throws IOException {
    Path after =
        after(
            doc -> {
              ObjectNode m = (ObjectNode) doc.path("meminfo");
              m.put("MemAvailable", m.path("MemAvailable").asLong() - 512 * MIB);
              m.put("AnonPages", m.path("AnonPages").asLong() + 500 * MIB);
              m.put("Shmem", m.path("Shmem").asLong() + MIB);
            });
    assertEquals(0, diff(after));
    assertTrue(
        console
            .stdout()
            .contains("host     MemAvailable -512 MiB, AnonPages +500 MiB, Shmem +1.0 MiB"),
        console.stdout());
  }

  @Test
  void unreadableOrForeignInputIsOneLineAndExitTwo(CapturedConsole console) throws IOException {
    Path notJson = Files.writeString(dir.resolve("notes.txt"), "hello");
    Path otherJson = Files.writeString(dir.resolve("other.json"), "{\"format\":\"something\"}");
    Path newer = after(doc -> doc.put("format_version", 2));
    assertEquals(2, diff(dir.resolve("missing.json")));
    assertEquals(2, diff(notJson));
    assertEquals(2, diff(otherJson));
    assertEquals(2, diff(newer));
    Path otherHost = after(doc -> doc.put("host_id", "another-host"));
    assertEquals(2, diff(otherHost));
    assertEquals(2, diff(otherHost, "--threshold", "much"));
    List<String> lines = console.stderr().lines().toList();
    assertEquals(6, lines.size(), console.stderr());
    assertTrue(lines.get(0).endsWith("missing.json: no such file"), lines.get(0));
    assertTrue(lines.get(1).contains("notes.txt: not JSON"), lines.get(1));
    assertTrue(lines.get(2).contains("not a memory snapshot"), lines.get(2));
    assertTrue(lines.get(3).contains("format_version 2; this aiops reads 1 to 1"), lines.get(3));
    assertTrue(lines.get(4).contains("two hosts"), lines.get(4));
    assertTrue(lines.get(5).contains("--threshold 'much' is not a size"), lines.get(5));
    assertFalse(console.stderr().contains("\tat "));
  }
}
