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

/** aiops analyze cache on the recorded hosts: the swap-heavy one and those of every kernel. */
@ExtendWith(CapturedConsole.class)
class AnalyzeCacheCommandTest {
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
                "analyze",
                "cache",
                "--proc-root",
                proc(SWAP_HEAVY),
                "--interval",
                SWAP_HEAVY_INTERVAL));
    args.addAll(List.of(more));
    return AiopsCommand.run(args.toArray(String[]::new));
  }

  @Test
  void judgesRefaultsOfATenthOfAPercentOfRamASecondThrashingAndExitsOne(CapturedConsole console)
      throws IOException {
    assertEquals(1, swapHeavy("--efficiency", "--format", "json"));

    JsonNode cache = onlyLine(console.stdout());
    // 30720 file and 36864 anon refaults, 21504 activations, 330240 KiB read, over 10 s.
    assertEquals(3072.0, cache.get("file_refaults_per_second").asDouble(), 1e-9);
    assertEquals(3072.0 * 4096, cache.get("file_refault_bytes_per_second").asDouble(), 1e-6);
    assertEquals(3686.4, cache.get("anon_refaults_per_second").asDouble(), 1e-9);
    assertEquals(0.7, cache.get("activation_share_of_refaults_ratio").asDouble(), 1e-9);
    assertEquals(8256.0, cache.get("page_ins_per_second").asDouble(), 1e-9);
    assertEquals(3072.0 / 8256, cache.get("refault_share_of_page_ins_ratio").asDouble(), 1e-9);
    assertEquals("warning", cache.get("thrashing").asText());
    assertEquals(
        false, cache.get("page_cache_bloat").asBoolean(), "a refaulting cache is not cold");
    assertEquals(614.4, cache.get("dirtied_pages_per_second").asDouble(), 1e-9);
    assertEquals(921.6, cache.get("written_pages_per_second").asDouble(), 1e-9);
    assertTrue(cache.get("advice").get(0).asText().startsWith("cache thrashing (warning)"));
  }

  @Test
  void breaksDownCacheAndSlabFromMeminfoAndListsTheLargestSlabCaches(CapturedConsole console)
      throws IOException {
    assertEquals(0, swapHeavy("--format", "json"), "nothing judged without --efficiency");

    JsonNode cache = onlyLine(console.stdout());
    assertEquals(612352 * KIB, cache.get("cached_bytes").asLong());
    assertEquals(8192 * KIB, cache.get("buffers_bytes").asLong());
    assertEquals((196608 + 325632) * KIB, cache.get("file_cache_bytes").asLong());
    assertEquals(143360 * KIB, cache.get("slab_reclaimable_bytes").asLong());
    assertEquals(118784 * KIB, cache.get("slab_unreclaimable_bytes").asLong());
    assertEquals(24576 * KIB, cache.get("dirty_bytes").asLong());
    assertEquals(4096 * KIB, cache.get("writeback_bytes").asLong());
    assertEquals(20, cache.get("dirty_ratio_pct").asInt());
    assertTrue(cache.get("slabinfo_readable").asBoolean());
    assertEquals(24, cache.get("slab_cache_count").asInt());
    assertEquals(230560 * KIB, cache.get("slab_listed_bytes").asLong());
    JsonNode largest = cache.get("slab_caches").get(0);
    assertEquals("radix_tree_node", largest.get("name").asText());
    assertEquals(4700L * 4 * 4096, largest.get("bytes").asLong());
    assertEquals(10, cache.get("slab_caches").size());
    assertTrue(cache.get("thrashing").isNull(), "no rates without --efficiency");
    assertTrue(cache.get("interval_seconds").isNull());
    assertTrue(cache.get("rates_note").asText().contains("--efficiency"));
  }

  @Test
  void textReportShowsSizesSlabTableDirtyPagesAndEfficiency(CapturedConsole console) {
    swapHeavy("--efficiency");

    String report = console.stdout();
    assertTrue(report.contains(": THRASHING (warning) (rates over 10.0 s)"), report);
    assertTrue(report.contains("598 MiB cached + 8.0 MiB buffers: 510 MiB droppable"), report);
    assertTrue(report.contains("256 MiB: 140 MiB reclaimable, 116 MiB unreclaimable"), report);
    assertTrue(report.contains("radix_tree_node          73.4 MiB     131600     576 B"), report);
    assertTrue(report.contains("(24 caches, 225 MiB in all)"), report);
    assertTrue(
        report.contains(
            "4.4 % of dirtyable memory (vm.dirty_background_ratio 10, vm.dirty_ratio 20)"),
        report);
    assertTrue(report.contains("3072 file pages/s (12.0 MiB/s"), report);
    assertTrue(report.contains("70 % of the refaults were part of the working set"), report);
  }

  @Test
  void saysInOneLineThatSlabinfoIsMissingAndGoesOn(CapturedConsole console) throws IOException {
    assertEquals(
        0,
        AiopsCommand.run(
            "analyze",
            "cache",
            "--proc-root",
            proc(RecordedHosts.KERNEL_5_15_CGROUP_V2),
            "--format",
            "json"));

    JsonNode cache = onlyLine(console.stdout());
    assertFalse(cache.get("slabinfo_readable").asBoolean());
    assertTrue(cache.get("slab_caches").isNull());
    List<String> slabNotes = new ArrayList<>();
    cache
        .get("notes")
        .forEach(
            n -> {
              if (n.asText().contains("slabinfo")) {
                slabNotes.add(n.asText());
              }
            });
    assertEquals(1, slabNotes.size(), cache.get("notes").toString());
    assertTrue(cache.get("slab_bytes").asLong() > 0, "meminfo still gives the slab's size");
  }

  @Test
  void readsEveryRecordedKernelWithOrWithoutSplitRefaultCounters(CapturedConsole console)
      throws IOException {
    for (String tree : RecordedProcTrees.ONE_READING) {
      int before = console.stdout().length();
      assertEquals(
          0,
          AiopsCommand.run(
              "analyze", "cache", "--efficiency", "--proc-root", proc(tree), "--format", "json"),
          tree);

      JsonNode cache = onlyLine(console.stdout().substring(before));
      assertTrue(cache.get("file_refaults_per_second").isNull(), tree);
      assertTrue(cache.get("rates_note").asText().startsWith("rates unavailable"), tree);
      assertTrue(cache.get("cached_bytes").asLong() > 0, tree);
    }
    assertEquals("", console.stderr());
  }

  @Test
  void theOldRefaultCounterStandsInForTheFileOneBefore5_9(CapturedConsole console)
      throws IOException {
    AiopsCommand.run(
        "analyze",
        "cache",
        "--proc-root",
        proc(RecordedHosts.KERNEL_4_18_ARM64_NO_PSI),
        "--format",
        "json");

    assertEquals(61234, onlyLine(console.stdout()).get("workingset_refault_file_total").asLong());
  }

  @Test
  void helpTeachesWithExamplesAndExitStatuses(CapturedConsole console) {
    assertEquals(0, AiopsCommand.run("analyze", "cache", "--help"));

    String help = console.stdout();
    assertTrue(help.contains("aiops analyze cache --efficiency"), help);
    assertTrue(help.contains("1 for cache thrashing or page-cache bloat"), help);
    assertTrue(help.contains("readable by root only"), help);
  }
}
