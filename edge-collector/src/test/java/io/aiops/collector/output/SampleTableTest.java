package io.aiops.collector.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.fixtures.SampleFixtures;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.ProcessMemory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleTableTest {

  @Test
  void showsTimeHostMemorySwapAndPressure() {
    String table = SampleTable.of(SampleFixtures.webHost());

    assertTrue(table.startsWith("2026-01-01 00:00:05 UTC  web-1\n"), table);
    assertTrue(
        table.contains("memory  16.0 GiB total, 12.0 GiB available, 4.0 GiB used (25 %)"), table);
    assertTrue(table.contains("swap    1.0 GiB used of 2.0 GiB"), table);
    assertTrue(
        table.contains("psi     some 1.50 / 0.75 / 0.25 %, full 0.50 / 0.00 / 0.00 %"), table);
  }

  @Test
  void listsTheLargestProcessFirstWithPssAndSwapOrADashWhenUnknown() {
    List<String> rows = SampleTable.of(SampleFixtures.webHost()).lines().toList();
    int header =
        rows.indexOf(rows.stream().filter(r -> r.contains("PID")).findFirst().orElseThrow());

    assertTrue(
        rows.get(header + 1).matches("\\s+4242\\s+java\\s+3\\.0 GiB\\s+2\\.5 GiB\\s+100 MiB"),
        rows.get(header + 1));
    assertTrue(
        rows.get(header + 2).matches("\\s+311\\s+nginx\\s+64\\.0 MiB\\s+-\\s+0 B"),
        rows.get(header + 2));
  }

  @Test
  void saysHowManyProcessesAreNotShown() {
    HostMemorySample sample = SampleFixtures.webHost();
    List<ProcessMemory> many = new ArrayList<>();
    for (int pid = 1; pid <= SampleTable.PROCESS_ROWS + 3; pid++) {
      many.add(
          ProcessMemory.newBuilder()
              .setPid(pid)
              .setStartTimeTicks(pid)
              .setComm("p" + pid)
              .setRssBytes(pid * 1024L)
              .build());
    }
    sample.setProcesses(many);

    String table = SampleTable.of(sample);
    assertTrue(table.contains("... 3 more in the sample (--format json lists them all)"), table);
    assertEquals(
        SampleTable.PROCESS_ROWS,
        table.lines().filter(l -> l.matches("\\s+\\d+\\s+p\\d+.*")).count());
  }

  @Test
  void aKernelWithoutPsiSaysSo() {
    HostMemorySample sample = SampleFixtures.webHost();
    sample.setMemoryPressure(null);
    assertTrue(SampleTable.of(sample).contains("psi     not reported by this kernel"));
  }
}
