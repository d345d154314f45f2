package io.aiops.cli.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiops.cli.CapturedConsole;
import io.aiops.cli.LiveFigures;
import io.aiops.collector.Bracket;
import io.aiops.collector.FreeOutput;
import io.aiops.collector.ProcReference;
import io.aiops.collector.Procps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * aiops analyze cache on this machine against free's buff/cache and available, /proc/vmstat's
 * counters and slabtop's cache sizes, each read just before and just after the command: within 2 %.
 */
@ExtendWith(CapturedConsole.class)
class AnalyzeCacheLiveAccuracyIT {
  private static final double TOLERANCE = 0.02;
  private static final int ATTEMPTS = 3;
  private static final int SLAB_CACHES_COMPARED = 5;
  private static final List<LiveFigures> MEASURED = new ArrayList<>();

  @AfterAll
  static void printFigures() {
    MEASURED.forEach(LiveFigures::print);
  }

  @Test
  void buffCacheAndAvailableAgreeWithFree(CapturedConsole console) {
    LiveFigures figures = new LiveFigures("AnalyzeCacheLiveAccuracyIT vs free");
    MEASURED.add(figures);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      FreeOutput before = FreeOutput.now();
      JsonNode cache = LiveFigures.json(console, "analyze", "cache", "--format", "json");
      FreeOutput after = FreeOutput.now();
      // procps-ng's buff/cache: Buffers + Cached + SReclaimable.
      long buffCache =
          cache.get("buffers_bytes").asLong()
              + cache.get("cached_bytes").asLong()
              + cache.get("slab_reclaimable_bytes").asLong();
      figures.compare(
          "buffers + cached + slab_reclaimable",
          buffCache,
          new Bracket(before.buffCache(), after.buffCache()),
          TOLERANCE);
      figures.compare(
          "mem_available_bytes",
          cache.get("mem_available_bytes").asLong(),
          new Bracket(before.available(), after.available()),
          TOLERANCE);
      if (figures.failures().isEmpty()) {
        return;
      }
      figures.retry(attempt);
    }
    fail("analyze cache disagrees with free in every attempt: " + figures.failures());
  }

  @Test
  void countersAndRatesAgreeWithVmstat(CapturedConsole console) {
    LiveFigures figures = new LiveFigures("AnalyzeCacheLiveAccuracyIT vs /proc/vmstat");
    MEASURED.add(figures);
    long pageSize = Long.parseLong(Procps.run("getconf", "PAGESIZE").strip());
    Map<String, Long> before = ProcReference.vmstat();
    JsonNode cache =
        LiveFigures.json(
            console, "analyze", "cache", "--efficiency", "--format", "json", "--interval", "1s");
    Map<String, Long> after = ProcReference.vmstat();

    String refault =
        before.containsKey("workingset_refault_file")
            ? "workingset_refault_file"
            : "workingset_refault";
    Map<String, String> totals = new HashMap<>();
    totals.put("nr_dirtied_total", "nr_dirtied");
    totals.put("nr_written_total", "nr_written");
    totals.put("pgpgin_kib_total", "pgpgin");
    totals.put("workingset_refault_file_total", refault);
    totals.forEach(
        (field, counter) ->
            figures.compare(
                field,
                cache.get(field).asLong(),
                new Bracket(before.get(counter), after.get(counter)),
                TOLERANCE));

    double seconds = cache.get("interval_seconds").asDouble();
    within(figures, "dirtied_pages_per_second", cache, seconds, "nr_dirtied", 1, before, after);
    within(figures, "written_pages_per_second", cache, seconds, "nr_written", 1, before, after);
    within(figures, "file_refaults_per_second", cache, seconds, refault, 1, before, after);
    // pgpgin counts KiB; page_ins_per_second counts pages.
    within(
        figures, "page_ins_per_second", cache, seconds, "pgpgin", 1024.0 / pageSize, before, after);
    assertEquals(List.of(), figures.failures());
  }

  @Test
  void largestSlabCachesAgreeWithSlabtop(CapturedConsole console) {
    assumeTrue(Files.isReadable(Path.of("/proc/slabinfo")), "slabinfo and slabtop need root");
    LiveFigures figures = new LiveFigures("AnalyzeCacheLiveAccuracyIT vs slabtop");
    MEASURED.add(figures);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Map<String, Long> before = slabtop();
      JsonNode cache = LiveFigures.json(console, "analyze", "cache", "--format", "json");
      Map<String, Long> after = slabtop();
      JsonNode caches = cache.get("slab_caches");
      for (int i = 0; i < Math.min(SLAB_CACHES_COMPARED, caches.size()); i++) {
        String name = caches.get(i).get("name").asText();
        figures.compare(
            name,
            caches.get(i).get("bytes").asLong(),
            new Bracket(before.getOrDefault(name, 0L), after.getOrDefault(name, 0L)),
            TOLERANCE);
      }
      if (figures.failures().isEmpty()) {
        return;
      }
      figures.retry(attempt);
    }
    fail("slab cache sizes disagree with slabtop in every attempt: " + figures.failures());
  }

  /** A rate times the interval, in the counter's unit, within the counter's change around it. */
  private static void within(
      LiveFigures figures,
      String field,
      JsonNode cache,
      double seconds,
      String counter,
      double counterUnitsPerRateUnit,
      Map<String, Long> before,
      Map<String, Long> after) {
    double ours = cache.get(field).asDouble() * seconds / counterUnitsPerRateUnit;
    long change = after.get(counter) - before.get(counter);
    figures.within(field + " x interval", ours, 0, change * (1 + TOLERANCE) + 1);
  }

  /** slabtop's CACHE SIZE of every cache, in bytes. */
  private static Map<String, Long> slabtop() {
    Map<String, Long> sizes = new HashMap<>();
    boolean table = false;
    for (String line : Procps.run("slabtop", "--once", "--sort=c").split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length > 0 && parts[0].equals("OBJS")) {
        table = true;
      } else if (table && parts.length == 8 && parts[6].endsWith("K")) {
        sizes.put(parts[7], Long.parseLong(parts[6].substring(0, parts[6].length() - 1)) * 1024);
      }
    }
    return sizes;
  }
}
