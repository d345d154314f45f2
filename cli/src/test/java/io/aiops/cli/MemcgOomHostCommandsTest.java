package io.aiops.cli;

import static io.aiops.cli.RecordedProcTrees.MEMCG_OOM;
import static io.aiops.cli.RecordedProcTrees.MEMCG_OOM_INTERVAL;
import static io.aiops.cli.RecordedProcTrees.file;
import static io.aiops.cli.RecordedProcTrees.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.collector.RecordedHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every host command on the tree recorded right after a real memcg OOM kill on this build machine:
 * the kill is in the kernel log, its cgroup's counters and vmstat, and each command tells the story
 * its own way.
 */
@ExtendWith(CapturedConsole.class)
class MemcgOomHostCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> jsonLines(String text) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }

  /** A host command on the tree, over its two vmstat readings, as JSON. */
  private static int overTheInterval(String... command) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(
        List.of(
            "--proc-root", proc(MEMCG_OOM), "--interval", MEMCG_OOM_INTERVAL, "--format", "json"));
    return AiopsCommand.run(args.toArray(String[]::new));
  }

  /** The tree's boot time, from its /proc/stat, as --boot-time takes it. */
  private static String bootTime() throws IOException {
    for (String line : Files.readAllLines(Path.of(proc(MEMCG_OOM), "stat"))) {
      if (line.startsWith("btime ")) {
        return Instant.ofEpochSecond(Long.parseLong(line.substring(6).trim())).toString();
      }
    }
    throw new AssertionError("no btime in the tree's stat");
  }

  @Test
  void analyzeOomExplainsTheKillFromTheRecordedKernelLog(CapturedConsole console)
      throws IOException {
    int status =
        AiopsCommand.run(
            "analyze",
            "oom",
            "--input",
            file(MEMCG_OOM, "dev/kmsg"),
            "--boot-time",
            bootTime(),
            "--format",
            "json");

    assertEquals(0, status, console.stderr());
    List<JsonNode> kills = jsonLines(console.stdout());
    assertEquals(1, kills.size(), console.stdout());
    JsonNode kill = kills.get(0);
    assertEquals(RecordedHosts.OOM_VICTIM, kill.get("pid").asInt());
    assertEquals("python3", kill.get("process").asText());
    assertEquals("CONSTRAINT_MEMCG", kill.get("constraint").asText());
    assertEquals(RecordedHosts.OOM_MEMCG, kill.get("memcg").asText());
    assertEquals(RecordedHosts.OOM_MEMCG, kill.get("task_memcg").asText());
    assertEquals(97792, kill.get("anon_rss_kb").asLong());
    assertEquals(110868, kill.get("total_vm_kb").asLong());
    // btime 1795305633 plus 18337.800979 s of uptime.
    assertEquals(1_795_323_970_800L, kill.get("timestamp_ms").asLong(), 1);
  }

  @Test
  void healthMemoryReportsTheKillBesideAPerfectScoreAndExitsOne(CapturedConsole console)
      throws IOException {
    int status = overTheInterval("health", "memory", "--score");

    JsonNode health = jsonLines(console.stdout()).get(0);
    assertEquals(1, status, "a kill during the interval is a finding");
    assertEquals(100, health.get("score").asInt(), "a cgroup's limit, not the host, ran out");
    assertEquals(1, health.get("oom_kills_in_interval").asLong());
    assertEquals(3, health.get("oom_kills_since_boot").asLong());
  }

  @Test
  void healthMemoryTextPointsToAnalyzeOom(CapturedConsole console) {
    AiopsCommand.run(
        "health", "memory", "--proc-root", proc(MEMCG_OOM), "--interval", MEMCG_OOM_INTERVAL);

    assertTrue(
        console
            .stdout()
            .contains(
                "  oom kills      1 during the interval, 3 since boot: aiops analyze oom --last"),
        console.stdout());
  }

  @Test
  void analyzeSwapSaysANoSwapHostGoesStraightToTheOomKiller(CapturedConsole console)
      throws IOException {
    int status = overTheInterval("analyze", "swap", "--processes");

    assertEquals(0, status, console.stderr());
    JsonNode swap = jsonLines(console.stdout()).get(0);
    assertEquals(0, swap.get("swap_total_bytes").asLong());
    assertTrue(swap.toString().contains("straight to the OOM killer"), swap.toString());
  }

  @Test
  void analyzeCacheReadsTheRecordedSlabinfo(CapturedConsole console) throws IOException {
    int status = overTheInterval("analyze", "cache", "--efficiency");

    assertEquals(0, status, console.stderr());
    JsonNode cache = jsonLines(console.stdout()).get(0);
    assertEquals("ext4_inode_cache", cache.get("slab_caches").get(0).get("name").asText());
  }

  @Test
  void inspectMemoryReadsTheSurvivingJvm(CapturedConsole console) throws IOException {
    int status =
        AiopsCommand.run(
            "inspect",
            "memory",
            "--pid",
            Integer.toString(RecordedHosts.OOM_HOST_JVM),
            "--proc-root",
            proc(MEMCG_OOM),
            "--format",
            "json");

    assertEquals(0, status, console.stderr());
    JsonNode doc = jsonLines(console.stdout()).get(0);
    long rollupRss = rollupKb("Rss") * 1024;
    assertEquals(rollupRss, doc.get("total").get("rss_bytes").asLong(), "smaps sums to rollup");
  }

  @Test
  void diffMemoryBetweenTheTwoRecordingsOfThisMachine(@TempDir Path dir, CapturedConsole console)
      throws IOException {
    Path earlier = dir.resolve("earlier.json");
    Path later = dir.resolve("later.json");
    Path smaps = RecordedHosts.root(RecordedHosts.KERNEL_6_18_RECORDED_SMAPS);
    Path oom = RecordedHosts.root(MEMCG_OOM);
    assertEquals(0, snapshot(smaps, earlier));
    assertEquals(0, snapshot(oom, later));

    int status =
        AiopsCommand.run(
            "diff",
            "memory",
            "--snapshot1",
            earlier.toString(),
            "--snapshot2",
            later.toString(),
            "--format",
            "json");

    assertTrue(status == 0 || status == 1, console.stderr());
    String out = console.stdout();
    assertTrue(out.contains("\"pid\":" + RecordedHosts.OOM_HOST_JVM), out);
    assertTrue(out.contains("\"pid\":" + RecordedHosts.RECORDED_JVM), out);
  }

  private static int snapshot(Path root, Path output) {
    return AiopsCommand.run(
        "snapshot",
        "memory",
        "--output",
        output.toString(),
        "--proc-root",
        root.resolve("proc").toString(),
        "--sys-root",
        root.resolve("sys/fs/cgroup").toString(),
        "--machine-id-file",
        root.resolve("etc/machine-id").toString());
  }

  private static long rollupKb(String field) throws IOException {
    Path rollup = Path.of(proc(MEMCG_OOM), Integer.toString(RecordedHosts.OOM_HOST_JVM));
    for (String line : Files.readAllLines(rollup.resolve("smaps_rollup"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new AssertionError(field + " not in smaps_rollup");
  }
}
