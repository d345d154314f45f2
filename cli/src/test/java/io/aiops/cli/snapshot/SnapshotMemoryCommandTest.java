package io.aiops.cli.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.cli.AiopsCommand;
import io.aiops.cli.CapturedConsole;
import io.aiops.collector.RecordedHosts;
import io.aiops.collector.procfs.MappingKind;
import io.aiops.collector.procfs.MappingTotals;
import io.aiops.collector.procfs.SmapsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(CapturedConsole.class)
class SnapshotMemoryCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs snapshot memory on a recorded tree, with its /proc, /sys and machine id. */
  static int snapshot(String tree, Path output, String... more) {
    Path root = RecordedHosts.root(tree);
    List<String> args =
        new ArrayList<>(
            List.of(
                "snapshot",
                "memory",
                "--output",
                output.toString(),
                "--proc-root",
                root.resolve("proc").toString(),
                "--sys-root",
                root.resolve("sys").toString(),
                "--machine-id-file",
                root.resolve("etc/machine-id").toString()));
    args.addAll(List.of(more));
    return AiopsCommand.run(args.toArray(String[]::new));
  }

  private static SnapshotProcess process(MemorySnapshot s, int pid) {
    return s.processes().stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
  }

  @Test
  void savesEveryProcessAndTheRegionsOfTheSelectedOnes(@TempDir Path dir, CapturedConsole console)
      throws IOException {
    Path file = dir.resolve("s.json");
    assertEquals(
        0,
        snapshot(
            RecordedHosts.KERNEL_6_18_RECORDED_SMAPS, file, "--rss-floor", "1GiB", "--top", "1"));
    MemorySnapshot s = MemorySnapshotJson.read(file);
    assertEquals(MemorySnapshot.FORMAT_VERSION, s.formatVersion());
    assertEquals("5d0c9f6e2a4b4c8d9e1f0a2b3c4d5e6f", s.hostId());
    assertEquals(
        List.of(
            RecordedHosts.RECORDED_ODD_MAPPINGS,
            RecordedHosts.RECORDED_JVM,
            RecordedHosts.RECORDED_SLEEP),
        s.processes().stream().map(SnapshotProcess::pid).toList(),
        "largest RSS first");
    SnapshotProcess odd = process(s, RecordedHosts.RECORDED_ODD_MAPPINGS);
    MappingTotals fromSmaps = MappingTotals.NONE;
    Path smaps =
        RecordedHosts.proc(RecordedHosts.KERNEL_6_18_RECORDED_SMAPS)
            .resolve(RecordedHosts.RECORDED_ODD_MAPPINGS + "/smaps");
    List<MappingTotals> each = new ArrayList<>();
    SmapsReader.read(smaps, m -> each.add(MappingTotals.NONE.plus(m)));
    for (MappingTotals t : each) {
      fromSmaps = fromSmaps.plus(t);
    }
    assertEquals(
        fromSmaps,
        odd.regions().values().stream().reduce(MappingTotals.NONE, MappingTotals::plus),
        "the regions partition the smaps totals");
    assertEquals(1536L << 20, odd.regions().get(MappingKind.SHMEM).sizeBytes() - (3L << 20));
    assertNotNull(odd.pssBytes(), "from smaps_rollup");
    SnapshotProcess java = process(s, RecordedHosts.RECORDED_JVM);
    assertNull(java.regions(), "below 1 GiB and not the largest");
    assertEquals(SnapshotProcess.NOT_SELECTED, java.regionsMissing());
    assertEquals("java -Xmx64m -XX:+UseSerialGC -cp /tmp/cap Idle", java.cmdline());
    assertEquals(1L << 30, s.rssFloorBytes());
    assertTrue(s.meminfo().get("MemTotal") > 0);
    assertTrue(
        console.stdout().startsWith("wrote " + file + ": memory of build-01, 3 processes, 1 with"),
        console.stdout());
  }

  @Test
  void theFileIsOneVersionedJsonDocument(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("s.json");
    assertEquals(0, snapshot(RecordedHosts.KERNEL_6_18_RECORDED_SMAPS, file));
    JsonNode doc = JSON.readTree(file.toFile());
    assertEquals("aiops-memory-snapshot", doc.path("format").asText());
    assertEquals(1, doc.path("format_version").asInt());
    JsonNode jvm = doc.path("processes").get(1);
    assertEquals(RecordedHosts.RECORDED_JVM, jvm.path("pid").asInt());
    assertTrue(jvm.path("start_time_ticks").asLong() > 0);
    assertTrue(jvm.path("regions").path("library").path("rss_bytes").asLong() > 0);
    assertTrue(jvm.path("regions_missing").isNull());
    assertEquals(
        List.of(), List.of(Files.list(dir).filter(p -> !p.equals(file)).toArray()), "no leftovers");
  }

  @Test
  void anOldKernelHasNeitherSmapsRollupNorSmapsInItsTree(@TempDir Path dir) {
    Path file = dir.resolve("s.json");
    assertEquals(0, snapshot(RecordedHosts.KERNEL_3_10, file));
    SnapshotProcess app = process(MemorySnapshotJson.read(file), 4242);
    assertNull(app.pssBytes());
    assertNull(app.regions());
    assertEquals("no_smaps", app.regionsMissing());
  }

  @Test
  void aDashWritesTheDocumentToStandardOutput(CapturedConsole console) throws IOException {
    assertEquals(0, snapshot(RecordedHosts.KERNEL_6_18_RECORDED_SMAPS, Path.of("-")));
    assertEquals("aiops-memory-snapshot", JSON.readTree(console.stdout()).path("format").asText());
  }

  @Test
  void jsonSummaryIsOneLine(@TempDir Path dir, CapturedConsole console) throws IOException {
    Path file = dir.resolve("s.json");
    assertEquals(0, snapshot(RecordedHosts.KERNEL_6_18_RECORDED_SMAPS, file, "--format", "json"));
    assertEquals(1, console.stdout().lines().count());
    JsonNode summary = JSON.readTree(console.stdout());
    assertEquals(3, summary.path("processes").asInt());
    assertEquals(3, summary.path("processes_with_regions").asInt());
  }

  @Test
  void anUnwritableOutputIsOneLineAndExitTwo(@TempDir Path dir, CapturedConsole console) {
    Path file = dir.resolve("missing-dir/s.json");
    assertEquals(2, snapshot(RecordedHosts.KERNEL_6_18_RECORDED_SMAPS, file));
    assertEquals(1, console.stderr().lines().filter(l -> l.startsWith("aiops: ")).count());
    assertTrue(console.stderr().contains("cannot write " + file), console.stderr());
    assertFalse(console.stderr().contains("\tat "));
  }

  @Test
  void aProcRootWithoutMeminfoIsExitTwo(@TempDir Path dir, CapturedConsole console) {
    assertEquals(
        2,
        AiopsCommand.run(
            "snapshot", "memory", "--output", dir.resolve("s").toString(), "--proc-root", "/tmp"));
    assertTrue(console.stderr().contains("--proc-root '/tmp' has no readable meminfo"));
  }

  @Test
  void aBadFloorNamesTheOption(@TempDir Path dir, CapturedConsole console) {
    assertEquals(
        2,
        snapshot(
            RecordedHosts.KERNEL_6_18_RECORDED_SMAPS, dir.resolve("s"), "--rss-floor", "lots"));
    assertTrue(console.stderr().contains("--rss-floor 'lots' is not a size"), console.stderr());
  }
}
