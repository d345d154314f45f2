package io.aiops.cli.health;

import static io.aiops.cli.RecordedProcTrees.SWAP_HEAVY;
import static io.aiops.cli.RecordedProcTrees.SWAP_HEAVY_INTERVAL;
import static io.aiops.cli.RecordedProcTrees.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.cli.AiopsCommand;
import io.aiops.cli.CapturedConsole;
import io.aiops.cli.RecordedProcTrees;
import io.aiops.collector.RecordedHosts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** aiops health memory on the recorded hosts: the swap-heavy one and those of every kernel. */
@ExtendWith(CapturedConsole.class)
class HealthMemoryCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long KIB = 1024;

  private static JsonNode onlyLine(String stdout) throws IOException {
    String[] lines = stdout.strip().split("\n");
    assertEquals(1, lines.length, "one JSON object on one line: " + stdout);
    return JSON.readTree(lines[0]);
  }

  private static int swapHeavy(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "health",
                "memory",
                "--proc-root",
                proc(SWAP_HEAVY),
                "--interval",
                SWAP_HEAVY_INTERVAL));
    args.addAll(List.of(more));
    return AiopsCommand.run(args.toArray(String[]::new));
  }

  @Test
  void scoresTheSwapStormingHostCriticalAndExitsOne(CapturedConsole console) throws IOException {
    assertEquals(1, swapHeavy("--score", "--format", "json"));

    JsonNode health = onlyLine(console.stdout());
    assertEquals(0, health.get("score").asInt());
    assertEquals("critical", health.get("risk").asText());
    assertEquals(10.0, health.get("interval_seconds").asDouble(), 1e-9);
    assertEquals(8148012 * KIB, health.get("mem_total_bytes").asLong());
    assertEquals(552960 * KIB, health.get("mem_available_bytes").asLong());
    assertEquals((8148012 - 552960) * KIB, health.get("mem_used_bytes").asLong());
    assertEquals((4194300 - 942080) * KIB, health.get("swap_used_bytes").asLong());
    // 40960 pages in and 51200 out over 10 s, 4 KiB pages.
    assertEquals(16 << 20, health.get("swap_in_bytes_per_second").asDouble(), 1e-6);
    assertEquals(20 << 20, health.get("swap_out_bytes_per_second").asDouble(), 1e-6);
    assertEquals(38.12, health.get("psi_some_avg10_pct").asDouble(), 1e-9);
    assertEquals(3072.0 * 4096, health.get("file_refault_bytes_per_second").asDouble(), 1e-6);
    assertTrue(health.get("unusable_free_index_order4_ratio").isNull(), "no zone has 5 % free");
    assertTrue(health.get("rates_note").isNull());
    assertEquals(List.of(), notes(health));
  }

  @Test
  void jsonListsEveryFactorWithItsPointsRiskObservationAndAdvice(CapturedConsole console)
      throws IOException {
    swapHeavy("--format", "json");

    JsonNode factors = onlyLine(console.stdout()).get("factors");
    List<String> kinds = new ArrayList<>();
    factors.forEach(f -> kinds.add(f.get("kind").asText()));
    assertEquals(
        List.of("usage", "pressure", "swap", "fragmentation", "cache_refaults", "writeback"),
        kinds);
    JsonNode swap = factors.get(2);
    assertEquals("critical", swap.get("risk").asText());
    assertTrue(swap.get("penalty_points").asDouble() > 65, swap.toString());
    assertTrue(swap.get("observation").asText().startsWith("swapping 16.0 MiB/s in"));
    assertTrue(swap.get("advice").asText().contains("vm.swappiness"));
    assertEquals(0, factors.get(3).get("penalty_points").asDouble());
  }

  @Test
  void scoreViewRanksWhatCostsPointsWorstFirstWithWhatToDo(CapturedConsole console) {
    swapHeavy("--score");

    String report = console.stdout();
    assertTrue(report.startsWith("Memory health score of the recorded tree "), report);
    assertTrue(report.contains(": 0/100, CRITICAL (rates over 10.0 s)"), report);
    int swap = report.indexOf("1. swap -72");
    int pressure = report.indexOf("2. pressure -67");
    int usage = report.indexOf("3. usage -54");
    int refaults = report.indexOf("4. cache refaults -26");
    assertTrue(0 < swap && swap < pressure && pressure < usage && usage < refaults, report);
    assertTrue(report.contains("what to do: Thrashing"), report);
    assertFalse(report.contains("fragmentation"), "costs no points: " + report);
    assertFalse(report.contains("\u001B["), "no colour off a terminal");
  }

  @Test
  void signalViewGivesEverySignalItsOwnStateAndAdviceForThoseNotOk(CapturedConsole console) {
    swapHeavy();

    String report = console.stdout();
    assertTrue(report.contains("Memory health of the recorded tree"), report);
    assertTrue(report.contains("  swap           critical swapping 16.0 MiB/s in"), report);
    assertTrue(report.contains("  fragmentation  ok       not judged"), report);
    assertTrue(report.contains("  cache refaults watch "), report);
    assertTrue(report.contains("- swap: Thrashing"), report);
    assertFalse(report.contains("- fragmentation:"), report);
    assertTrue(report.contains("--score gives the 0-100 score"), report);
  }

  @Test
  void scoresEveryRecordedKernelWithoutRatesAndSaysWhy(CapturedConsole console) throws IOException {
    for (String tree : RecordedProcTrees.ONE_READING) {
      int before = console.stdout().length();
      int status =
          AiopsCommand.run("health", "memory", "--proc-root", proc(tree), "--format", "json");

      JsonNode health = onlyLine(console.stdout().substring(before));
      assertTrue(status == 0 || status == 1, tree);
      assertEquals(status == 1, health.get("score").asInt() < 60, tree);
      assertTrue(health.get("interval_seconds").isNull(), tree);
      assertTrue(health.get("swap_in_bytes_per_second").isNull(), tree);
      assertTrue(
          health.get("rates_note").asText().contains("one vmstat reading"),
          tree + ": " + health.get("rates_note"));
    }
    assertEquals("", console.stderr(), "notes go in the report, not in log lines");
  }

  @Test
  void aKernelWithoutPsiHasNullPressureAndANoteSayingSo(CapturedConsole console)
      throws IOException {
    AiopsCommand.run(
        "health",
        "memory",
        "--proc-root",
        proc(RecordedHosts.KERNEL_4_18_ARM64_NO_PSI),
        "--format",
        "json");

    JsonNode health = onlyLine(console.stdout());
    assertTrue(health.get("psi_some_avg10_pct").isNull());
    assertTrue(health.get("factors").get(1).get("observation").asText().startsWith("no PSI"));
    assertTrue(
        notes(health).stream().anyMatch(n -> n.contains("pressure/memory")),
        notes(health).toString());
  }

  @Test
  void aTreeWithAnEarlierVmstatNeedsTheIntervalBetweenTheReadings(CapturedConsole console) {
    assertEquals(2, AiopsCommand.run("health", "memory", "--proc-root", proc(SWAP_HEAVY)));

    assertTrue(console.stderr().contains("give --interval"), console.stderr());
    assertEquals(1, console.stderr().strip().lines().count(), console.stderr());
    assertEquals("", console.stdout());
  }

  @Test
  void aMountedProcfsGivenAsProcRootIsSampledLive(CapturedConsole console) throws IOException {
    AiopsCommand.run(
        "health", "memory", "--proc-root", "/proc", "--interval", "200ms", "--format", "json");

    JsonNode health = onlyLine(console.stdout());
    // The interval is measured between the two readings: the 200 ms asked for, plus however long
    // the first reading took on a busy machine (CI saw 270 ms).
    double intervalSeconds = health.get("interval_seconds").asDouble();
    assertTrue(
        intervalSeconds >= 0.19 && intervalSeconds < 2, "two live readings: " + intervalSeconds);
    assertTrue(health.get("rates_note").isNull());
    assertEquals("/proc", health.get("source").asText());
  }

  @Test
  void aDirectoryThatIsNotAProcTreeIsAUsageError(CapturedConsole console) {
    assertEquals(2, AiopsCommand.run("health", "memory", "--proc-root", "/nonexistent/proc"));
    assertEquals(2, AiopsCommand.run("health", "memory", "--proc-root", "."));

    assertTrue(console.stderr().contains("/nonexistent/proc: no such directory"), console.stderr());
    assertTrue(console.stderr().contains("no meminfo in it"), console.stderr());
    assertFalse(console.stderr().contains("\tat "), "no stack trace");
  }

  @Test
  void badFormatOrIntervalIsOneLineAndExitTwo(CapturedConsole console) {
    assertEquals(2, AiopsCommand.run("health", "memory", "--format", "yaml"));
    assertEquals(2, AiopsCommand.run("health", "memory", "--interval", "10m"));
    assertEquals(2, AiopsCommand.run("health", "memory", "--interval", "soon"));

    List<String> lines = console.stderr().strip().lines().toList();
    assertEquals(3, lines.size(), console.stderr());
    assertTrue(lines.get(0).contains("--format must be text or json"));
    assertTrue(lines.get(1).contains("--interval must be between 100ms and 5m"));
    assertTrue(lines.get(2).contains("'soon' is not a duration"));
  }

  @Test
  void theDiagnosisCommandsAreListedWhereAPersonLooks(CapturedConsole console) {
    assertEquals(0, AiopsCommand.run("--help"));
    assertEquals(0, AiopsCommand.run("analyze", "--help"));

    assertTrue(console.stdout().contains("  health "), console.stdout());
    assertTrue(console.stdout().contains("  swap "), console.stdout());
    assertTrue(console.stdout().contains("  cache "), console.stdout());
  }

  @Test
  void helpTeachesWithExamplesAndExitStatuses(CapturedConsole console) {
    assertEquals(0, AiopsCommand.run("health", "memory", "--help"));

    String help = console.stdout();
    assertTrue(help.contains("aiops health memory --score"), help);
    assertTrue(help.contains("--proc-root"), help);
    assertTrue(help.contains("Exit status: 0 when the risk is ok or watch; 1 when"), help);
  }

  private static List<String> notes(JsonNode health) {
    List<String> notes = new ArrayList<>();
    health.get("notes").forEach(n -> notes.add(n.asText()));
    return notes;
  }
}
