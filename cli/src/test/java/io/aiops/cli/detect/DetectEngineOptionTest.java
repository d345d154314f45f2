package io.aiops.cli.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.cli.AiopsCommand;
import io.aiops.cli.CapturedConsole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(CapturedConsole.class)
class DetectEngineOptionTest {
  @TempDir Path dir;

  @Test
  void flinkEngineSaysInOneLineThatItIsNotBuiltYet(CapturedConsole console) throws Exception {
    Path csv = Files.writeString(dir.resolve("a.csv"), "timestamp,rss_bytes\n1767225600,100\n");
    for (String command : new String[] {"memory-leak", "anomalies"}) {
      int before = console.stderr().length();
      int status =
          AiopsCommand.run("detect", command, "--input", csv.toString(), "--engine", "flink");
      String err = console.stderr().substring(before);
      assertEquals(2, status);
      assertEquals(1, err.lines().count(), err);
      assertTrue(err.startsWith("aiops: --engine flink: the Flink engine is not built yet"), err);
    }
    assertEquals("", console.stdout(), "nothing judged");
  }

  @Test
  void refusesAnUnknownEngineNamingTheChoices(CapturedConsole console) throws Exception {
    Path csv = Files.writeString(dir.resolve("a.csv"), "timestamp,rss_bytes\n1767225600,100\n");
    int status =
        AiopsCommand.run("detect", "memory-leak", "--input", csv.toString(), "--engine", "spark");
    assertEquals(2, status);
    assertEquals(
        "aiops: --engine must be offline, streams or flink, was 'spark'\n",
        console.stderr().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void memoryLeakTakesEitherAnInputOrAPid(CapturedConsole console) throws Exception {
    Path csv = Files.writeString(dir.resolve("a.csv"), "timestamp,rss_bytes\n1767225600,100\n");
    assertEquals(
        2, AiopsCommand.run("detect", "memory-leak", "--input", csv.toString(), "--pid", "1"));
    assertEquals(2, AiopsCommand.run("detect", "memory-leak"));
    assertEquals(2, AiopsCommand.run("detect", "anomalies"));
    assertEquals(
        "aiops: give either --input PATH or --pid P\n"
            + "aiops: give either --input PATH or --pid P\n"
            + "aiops: --input PATH is required\n",
        console.stderr().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void theStreamsEngineRefusesFractionalValuesItWouldRound() {
    MemorySeries whole =
        new MemorySeries("whole.csv", new long[] {1, 2}, new double[] {-5, 1e12}, -1);
    MemorySeries fractional =
        new MemorySeries("half.csv", new long[] {1, 2}, new double[] {3, 2.5}, -1);
    assertTrue(ReplaySamples.refuse(whole).isEmpty());
    assertEquals(
        "half.csv: --engine streams replays values as whole numbers (a sample's rss_bytes);"
            + " the value at timestamp 2 is 2.5",
        ReplaySamples.refuse(fractional).orElseThrow());
  }

  @Test
  void aReplayedSeriesCarriesItsLimitAsTheProcessCgroupsAndNoHostFiguresWithout() {
    MemorySeries limited =
        new MemorySeries("l.csv", new long[] {1767225600}, new double[] {300}, 4096);
    var sample = new ReplaySamples("replay-1", limited).sample(0);
    assertEquals(1767225600_000L, sample.getTimestampMs());
    assertEquals(300, sample.getProcesses().get(0).getRssBytes());
    assertEquals(4096L, sample.getCgroups().get(0).getLimitBytes());
    assertEquals(
        sample.getCgroups().get(0).getPath(), sample.getProcesses().get(0).getCgroupPath());

    MemorySeries unlimited =
        new MemorySeries("u.csv", new long[] {1767225600}, new double[] {300}, -1);
    var bare = new ReplaySamples("replay-2", unlimited).sample(0);
    assertTrue(bare.getCgroups().isEmpty());
    assertEquals(0, bare.getMemTotalBytes());
    assertEquals("replay-2/replay/1/0", new ReplaySamples("replay-2", unlimited).seriesId());
  }
}
