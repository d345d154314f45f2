package io.aiops.cli.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiops.cli.CapturedConsole;
import io.aiops.cli.LiveFigures;
import io.aiops.cli.LiveSwap;
import io.aiops.collector.Bracket;
import io.aiops.collector.FreeOutput;
import io.aiops.collector.ProcReference;
import io.aiops.collector.Procps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * aiops analyze swap on this machine against free, the VmSwap of every process, ps and
 * /proc/vmstat, each read just before and just after the command: within 2 %. Where it can (root,
 * 5.4+), the class first puts 64 MiB of a process into swap, switching on a swap file when the
 * machine has none, so that the figures compared are not all zero.
 */
@ExtendWith(CapturedConsole.class)
class AnalyzeSwapLiveAccuracyIT {
  private static final double TOLERANCE = 0.02;
  private static final int ATTEMPTS = 3;
  private static final int PAGED_OUT_MIB = 64;
  private static final List<LiveFigures> MEASURED = new ArrayList<>();
  private static LiveSwap.Result swap;

  @BeforeAll
  static void putAProcessIntoSwap() {
    swap = LiveSwap.open(Path.of("target"), PAGED_OUT_MIB);
    if (swap.swap().isEmpty()) {
      System.out.println(
          "AnalyzeSwapLiveAccuracyIT: comparing this machine as it is: " + swap.reason());
    }
  }

  @AfterAll
  static void printFiguresAndSwitchSwapBack() throws InterruptedException {
    MEASURED.forEach(LiveFigures::print);
    if (swap.swap().isPresent()) {
      swap.swap().get().close();
    }
  }

  @Test
  void theProcessPushedIntoSwapIsListedWithItsVmSwap(CapturedConsole console) {
    Assumptions.assumeTrue(swap.swap().isPresent(), swap.reason());
    long pid = swap.swap().get().pid();
    LiveFigures figures = new LiveFigures("AnalyzeSwapLiveAccuracyIT the process put into swap");
    MEASURED.add(figures);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      long before = ProcReference.vmSwapBytes(List.of((int) pid)).get((int) pid);
      JsonNode doc =
          LiveFigures.json(
              console, "analyze", "swap", "--processes", "--format", "json", "--interval", "1s");
      long after = ProcReference.vmSwapBytes(List.of((int) pid)).get((int) pid);
      JsonNode listed = null;
      for (JsonNode p : doc.get("processes")) {
        if (p.get("pid").asLong() == pid) {
          listed = p;
        }
      }
      assertTrue(listed != null, pid + " not listed: " + doc);
      assertTrue(
          listed.get("swap_bytes").asLong() >= PAGED_OUT_MIB * (1L << 20) * 8 / 10,
          listed.toString());
      figures.compare(
          pid + " swap_bytes (python3, paged out)",
          listed.get("swap_bytes").asLong(),
          new Bracket(before, after),
          TOLERANCE);
      if (figures.failures().isEmpty()) {
        return;
      }
      figures.retry(attempt);
    }
    fail("the swapped process disagrees with its VmSwap in every attempt: " + figures.failures());
  }

  @Test
  void swapInUseProcessSwapAndCountersAgreeWithFreeVmSwapAndVmstat(CapturedConsole console) {
    LiveFigures figures = new LiveFigures("AnalyzeSwapLiveAccuracyIT vs free, VmSwap, vmstat");
    MEASURED.add(figures);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      FreeOutput freeBefore = FreeOutput.now();
      long vmSwapBefore = ProcReference.vmSwapSumBytes();
      Map<String, Long> vmstatBefore = ProcReference.vmstat();
      JsonNode swap =
          LiveFigures.json(
              console,
              "analyze",
              "swap",
              "--processes",
              "--threshold",
              "0",
              "--format",
              "json",
              "--interval",
              "500ms");
      Map<String, Long> vmstatAfter = ProcReference.vmstat();
      long vmSwapAfter = ProcReference.vmSwapSumBytes();
      FreeOutput freeAfter = FreeOutput.now();

      figures.compare(
          "swap_total_bytes",
          swap.get("swap_total_bytes").asLong(),
          new Bracket(freeBefore.swapTotal(), freeAfter.swapTotal()),
          0);
      figures.compare(
          "swap_used_bytes",
          swap.get("swap_used_bytes").asLong(),
          new Bracket(freeBefore.swapUsed(), freeAfter.swapUsed()),
          TOLERANCE);
      figures.compare(
          "processes_swap_bytes (sum of VmSwap)",
          swap.get("processes_swap_bytes").asLong(),
          new Bracket(vmSwapBefore, vmSwapAfter),
          TOLERANCE);
      for (String counter : List.of("pswpin", "pswpout")) {
        String field = counter.equals("pswpin") ? "swap_in_pages_total" : "swap_out_pages_total";
        figures.compare(
            field,
            swap.get(field).asLong(),
            new Bracket(vmstatBefore.get(counter), vmstatAfter.get(counter)),
            TOLERANCE);
      }
      if (figures.failures().isEmpty()) {
        figures.note(
            "processes with memory in swap: "
                + swap.get("processes_swapped").asInt()
                + " of "
                + swap.get("processes_read").asInt()
                + " read");
        return;
      }
      figures.retry(attempt);
    }
    fail("analyze swap disagrees with the references in every attempt: " + figures.failures());
  }

  @Test
  void everyListedProcessHasItsVmSwapAndPsRssAndName(CapturedConsole console) {
    LiveFigures figures = new LiveFigures("AnalyzeSwapLiveAccuracyIT per process vs VmSwap and ps");
    MEASURED.add(figures);
    Map<Integer, Long> swapBefore = ProcReference.vmSwapBytes(ProcReference.currentPids());
    Map<Integer, Long> psBefore = ps(ProcReference.currentPids());
    JsonNode swap =
        LiveFigures.json(
            console, "analyze", "swap", "--processes", "--format", "json", "--interval", "100ms");
    List<Integer> listed = new ArrayList<>();
    swap.get("processes").forEach(p -> listed.add(p.get("pid").asInt()));
    Map<Integer, Long> swapAfter = ProcReference.vmSwapBytes(listed);
    Map<Integer, Long> psAfter = ps(listed);
    Map<Integer, String> comms = comms(listed);

    int compared = 0;
    for (JsonNode p : swap.get("processes")) {
      int pid = p.get("pid").asInt();
      if (!swapAfter.containsKey(pid)
          || !swapBefore.containsKey(pid)
          || !psBefore.containsKey(pid)) {
        continue; // exited around the run
      }
      compared++;
      figures.compare(
          pid + " swap_bytes",
          p.get("swap_bytes").asLong(),
          new Bracket(swapBefore.get(pid), swapAfter.get(pid)),
          TOLERANCE);
      figures.compare(
          pid + " rss_bytes",
          p.get("rss_bytes").asLong(),
          new Bracket(psBefore.get(pid), psAfter.get(pid)),
          TOLERANCE);
      assertEquals(comms.get(pid), p.get("comm").asText(), "ps comm of " + pid);
    }
    figures.note(compared + " processes with memory in swap compared");
    assertEquals(List.of(), figures.failures());
  }

  @Test
  void pageSizeIsGetconfs(CapturedConsole console) {
    JsonNode swap =
        LiveFigures.json(console, "analyze", "swap", "--format", "json", "--interval", "100ms");

    assertEquals(
        Long.parseLong(Procps.run("getconf", "PAGESIZE").strip()),
        swap.get("page_size_bytes").asLong());
  }

  /** ps's RSS (KiB) of the pids still alive, in bytes. */
  private static Map<Integer, Long> ps(List<Integer> pids) {
    Map<Integer, Long> rss = new HashMap<>();
    if (pids.isEmpty()) {
      return rss;
    }
    String list = pids.stream().map(String::valueOf).collect(Collectors.joining(","));
    for (String line : Procps.run("ps", "-o", "pid=,rss=", "-p", list).split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2) {
        rss.put(Integer.parseInt(parts[0]), Long.parseLong(parts[1]) * 1024);
      }
    }
    return rss;
  }

  private static Map<Integer, String> comms(List<Integer> pids) {
    Map<Integer, String> comms = new HashMap<>();
    if (pids.isEmpty()) {
      return comms;
    }
    String list = pids.stream().map(String::valueOf).collect(Collectors.joining(","));
    for (String line : Procps.run("ps", "-o", "pid=,comm=", "-p", list).split("\n")) {
      String[] parts = line.trim().split("\\s+", 2);
      if (parts.length == 2) {
        comms.put(Integer.parseInt(parts[0]), parts[1]);
      }
    }
    return comms;
  }
}
