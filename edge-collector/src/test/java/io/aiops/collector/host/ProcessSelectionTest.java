package io.aiops.collector.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiops.collector.procfs.ProcStat;
import io.aiops.collector.procfs.ProcessReading;
import io.aiops.collector.procfs.ProcessStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessSelectionTest {
  private static ProcessReading process(int pid, long rss) {
    return new ProcessReading(
        pid,
        new ProcStat("p" + pid, pid, false, rss / 4096),
        new ProcessStatus(rss, null, null, null, 0, rss, null, 1));
  }

  @Test
  void keepsEveryProcessAboveTheFloorPlusTheTopN() {
    List<ProcessReading> all =
        List.of(process(1, 100), process(2, 5_000), process(3, 50), process(4, 20_000));
    List<ProcessReading> selected = new ProcessSelection(1_000, 1).select(all);
    assertEquals(List.of(4, 2), selected.stream().map(ProcessReading::pid).toList());
  }

  @Test
  void topNFillsUpWithSmallProcessesOnAQuietHost() {
    List<ProcessReading> all = List.of(process(1, 100), process(2, 50), process(3, 10));
    assertEquals(2, new ProcessSelection(1_000_000, 2).select(all).size());
  }
}
