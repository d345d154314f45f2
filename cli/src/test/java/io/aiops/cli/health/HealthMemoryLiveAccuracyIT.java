package io.aiops.cli.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiops.cli.CapturedConsole;
import io.aiops.cli.LiveFigures;
import io.aiops.collector.Bracket;
import io.aiops.collector.FreeOutput;
import io.aiops.collector.ProcReference;
import io.aiops.collector.Procps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * aiops health memory on this machine against procps's free and /proc/vmstat: used, available and
 * swap used within 2 % of free read just before and after, rates within the counters' change.
 */
@ExtendWith(CapturedConsole.class)
class HealthMemoryLiveAccuracyIT {
  private static final double TOLERANCE = 0.02;
  private static final int ATTEMPTS = 3;
  private static final List<LiveFigures> MEASURED = new ArrayList<>();

  @AfterAll
  static void printFigures() {
    MEASURED.forEach(LiveFigures::print);
  }

  @Test
  void usedAvailableAndSwapUsedAgreeWithFree(CapturedConsole console) {
    FreeOutput.Version version = FreeOutput.version();
    LiveFigures figures = new LiveFigures("HealthMemoryLiveAccuracyIT vs " + version);
    MEASURED.add(figures);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      FreeOutput before = FreeOutput.now();
      JsonNode health =
          LiveFigures.json(console, "health", "memory", "--format", "json", "--interval", "500ms");
      FreeOutput after = FreeOutput.now();
      figures.compare(
          "mem_total_bytes",
          health.get("mem_total_bytes").asLong(),
          new Bracket(before.memTotal(), after.memTotal()),
          0);
      // procps-ng before 4.0.1 printed another "used"; ours is total - available either way.
      Bracket used =
          version.usedIsTotalMinusAvailable()
              ? new Bracket(before.used(), after.used())
              : new Bracket(
                  before.memTotal() - before.available(), after.memTotal() - after.available());
      figures.compare("mem_used_bytes", health.get("mem_used_bytes").asLong(), used, TOLERANCE);
      figures.compare(
          "mem_available_bytes",
          health.get("mem_available_bytes").asLong(),
          new Bracket(before.available(), after.available()),
          TOLERANCE);
      figures.compare(
          "swap_used_bytes",
          health.get("swap_used_bytes").asLong(),
          new Bracket(before.swapUsed(), after.swapUsed()),
          TOLERANCE);
      if (figures.failures().isEmpty()) {
        return;
      }
      figures.retry(attempt);
    }
    fail("health memory disagrees with free in every attempt: " + figures.failures());
  }

  @Test
  void ratesAreTheVmstatCountersChangeOverTheInterval(CapturedConsole console) {
    LiveFigures figures = new LiveFigures("HealthMemoryLiveAccuracyIT rates vs /proc/vmstat");
    MEASURED.add(figures);
    long pageSize = Long.parseLong(Procps.run("getconf", "PAGESIZE").strip());
    Map<String, Long> before = ProcReference.vmstat();
    JsonNode health =
        LiveFigures.json(console, "health", "memory", "--format", "json", "--interval", "1s");
    Map<String, Long> after = ProcReference.vmstat();

    double seconds = health.get("interval_seconds").asDouble();
    // The second asked for, plus however long the first reading took on a busy machine.
    assertTrue(seconds >= 0.99 && seconds < 2, "the interval asked for: " + seconds);
    pagesWithin(
        figures, health, "swap_in_bytes_per_second", "pswpin", seconds, pageSize, before, after);
    pagesWithin(
        figures, health, "swap_out_bytes_per_second", "pswpout", seconds, pageSize, before, after);
    pagesWithin(
        figures,
        health,
        "file_refault_bytes_per_second",
        "workingset_refault_file",
        seconds,
        pageSize,
        before,
        after);
    assertEquals(List.of(), figures.failures());
  }

  /** A rate times its interval, in pages, must lie within the counter's change around the run. */
  private static void pagesWithin(
      LiveFigures figures,
      JsonNode health,
      String field,
      String counter,
      double seconds,
      long pageSize,
      Map<String, Long> before,
      Map<String, Long> after) {
    if (!before.containsKey(counter)) {
      figures.note(counter + ": not printed by this kernel");
      return;
    }
    double pages = health.get(field).asDouble() * seconds / pageSize;
    long change = after.get(counter) - before.get(counter);
    figures.within(field + " x interval (pages)", pages, 0, change * (1 + TOLERANCE) + 1);
  }
}
