package io.aiops.cli.analyze;

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

/** aiops analyze swap on the recorded hosts: the swap-heavy one and those of every kernel. */
@ExtendWith(CapturedConsole.class)
class AnalyzeSwapCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long KIB = 1024;
  private static final long SWAP_USED = (4194300 - 942080) * KIB;

  private static JsonNode onlyLine(String stdout) throws IOException {
    String[] lines = stdout.strip().split("\n");
    assertEquals(1, lines.length, "one JSON object on one line: " + stdout);
    return JSON.readTree(lines[0]);
  }

  private static int swapHeavy(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "analyze",
                "swap",
                "--proc-root",
                proc(SWAP_HEAVY),
                "--interval",
                SWAP_HEAVY_INTERVAL));
    args.addAll(List.of(more));
    return AiopsCommand.run(args.toArray(String[]::new));
  }

  @Test
  void reportsACriticalStormWithRatesInPagesAndBytesAndExitsOne(CapturedConsole console)
      throws IOException {
    assertEquals(1, swapHeavy("--format", "json"));

    JsonNode swap = onlyLine(console.stdout());
    assertEquals(SWAP_USED, swap.get("swap_used_bytes").asLong());
    assertEquals(122880 * KIB, swap.get("swap_cached_bytes").asLong());
    assertEquals(4096.0, swap.get("swap_in_pages_per_second").asDouble(), 1e-9);
    assertEquals(5120.0, swap.get("swap_out_pages_per_second").asDouble(), 1e-9);
    assertEquals(16 << 20, swap.get("swap_in_bytes_per_second").asDouble(), 1e-6);
    assertEquals(20 << 20, swap.get("swap_out_bytes_per_second").asDouble(), 1e-6);
    assertEquals(5200.0, swap.get("major_faults_per_second").asDouble(), 1e-9);
    assertEquals(20123456, swap.get("swap_in_pages_total").asLong());
    assertEquals("critical", swap.get("storm").asText());
    assertEquals(1 << 20, swap.get("storm_warning_bytes_per_second").asDouble(), 1e-6);
    assertEquals(60, swap.get("swappiness").asInt());
    assertTrue(swap.get("processes").isNull(), "listed only with --processes");
    assertTrue(swap.get("advice").get(0).asText().startsWith("swap storm:"));
    assertTrue(swap.get("advice").get(0).asText().contains("java (pid 2101)"));
  }

  @Test
  void sumsVmSwapOverEveryProcessAgainstTheSwapInUse(CapturedConsole console) throws IOException {
    swapHeavy("--processes", "--format", "json");

    JsonNode swap = onlyLine(console.stdout());
    assertEquals(3060736 * KIB, swap.get("processes_swap_bytes").asLong());
    assertEquals(
        3060736.0 / (4194300 - 942080),
        swap.get("processes_share_of_swap_used_ratio").asDouble(),
        1e-12);
    assertEquals(7, swap.get("processes_swapped").asInt());
    assertEquals(7, swap.get("processes_read").asInt(), "kthreadd has no memory of its own");
    JsonNode first = swap.get("processes").get(0);
    assertEquals(2101, first.get("pid").asInt());
    assertEquals("java", first.get("comm").asText());
    assertEquals(1572864 * KIB, first.get("swap_bytes").asLong());
    assertEquals(
        (double) 1572864 * KIB / SWAP_USED,
        first.get("share_of_swap_used_ratio").asDouble(),
        1e-12);
    assertEquals(2555904 * KIB, first.get("rss_bytes").asLong());
    assertEquals(7, swap.get("processes").size(), "the default threshold lists every one");
  }

  @Test
  void thresholdKeepsTheProcessesHoldingAtLeastThatShareAndImpliesProcesses(CapturedConsole console)
      throws IOException {
    swapHeavy("--threshold", "10%", "--format", "json");

    JsonNode swap = onlyLine(console.stdout());
    List<String> listed = new ArrayList<>();
    swap.get("processes").forEach(p -> listed.add(p.get("comm").asText()));
    assertEquals(List.of("java", "postgres", "redis-server"), listed);
    assertEquals(0.1, swap.get("threshold_ratio").asDouble(), 1e-12);
    assertEquals(3060736 * KIB, swap.get("processes_swap_bytes").asLong(), "the sum is of all");
  }

  @Test
  void textReportTablesTheProcessesAndSaysHowManyAreLeftOut(CapturedConsole console) {
    swapHeavy("--processes", "--threshold", "10");

    String report = console.stdout();
    assertTrue(report.contains(": SWAP STORM (critical) (rates over 10.0 s)"), report);
    assertTrue(report.contains("3.1 GiB of 4.0 GiB used (78 %)"), report);
    assertTrue(report.contains("4096 pages/s, 16.0 MiB/s"), report);
    assertTrue(
        report.contains("2.9 GiB in the VmSwap of 7 of 7 processes, 94 % of the swap in use"),
        report);
    assertTrue(
        report.contains("      2101  java                1.5 GiB   48.4%    2.4 GiB"), report);
    assertTrue(report.contains("(4 more below 10.0 % of the swap in use"), report);
    assertTrue(report.contains("vm.swappiness is 60"), report);
  }

  @Test
  void treesWithOneReadingHaveNoRatesNoStormAndExitZero(CapturedConsole console)
      throws IOException {
    for (String tree : RecordedProcTrees.ONE_READING) {
      int before = console.stdout().length();
      assertEquals(
          0,
          AiopsCommand.run(
              "analyze", "swap", "--processes", "--proc-root", proc(tree), "--format", "json"),
          tree);

      JsonNode swap = onlyLine(console.stdout().substring(before));
      assertTrue(swap.get("storm").isNull(), tree);
      assertTrue(swap.get("swap_in_pages_per_second").isNull(), tree);
      assertTrue(swap.get("rates_note").asText().startsWith("rates unavailable"), tree);
      long vmSwapSum = 0;
      for (JsonNode p : swap.get("processes")) {
        vmSwapSum += p.get("swap_bytes").asLong();
      }
      assertEquals(swap.get("processes_swap_bytes").asLong(), vmSwapSum, tree);
    }
  }

  @Test
  void aHostWithoutSwapSaysSoInsteadOfGivingSwapAdvice(CapturedConsole console) {
    AiopsCommand.run("analyze", "swap", "--proc-root", proc(RecordedHosts.KERNEL_5_15_CGROUP_V2));

    String report = console.stdout();
    assertTrue(report.contains(": no swap"), report);
    assertTrue(report.contains("none configured (SwapTotal 0)"), report);
    assertTrue(report.contains("- no swap on this host"), report);
    assertFalse(report.contains("swappiness is"), report);
  }

  @Test
  void aThresholdOutsideZeroToAHundredPercentIsAUsageError(CapturedConsole console) {
    assertEquals(2, AiopsCommand.run("analyze", "swap", "--threshold", "150%"));
    assertEquals(2, AiopsCommand.run("analyze", "swap", "--threshold", "lots"));

    assertTrue(
        console.stderr().contains("'150%' is not a percentage from 0 to 100"), console.stderr());
    assertEquals(2, console.stderr().strip().lines().count(), console.stderr());
  }

  @Test
  void helpTeachesWithExamplesAndExitStatuses(CapturedConsole console) {
    assertEquals(0, AiopsCommand.run("analyze", "swap", "--help"));

    String help = console.stdout();
    assertTrue(help.contains("aiops analyze swap --processes --threshold 10%"), help);
    assertTrue(help.contains("1 for a swap storm"), help);
  }
}
