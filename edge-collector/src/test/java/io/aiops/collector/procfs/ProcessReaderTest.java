package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.RecordedHosts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessReaderTest {
  private final ReadErrors errors = new ReadErrors();

  private ProcessReader recorded(String tree) {
    return new ProcessReader(RecordedHosts.proc(tree), errors);
  }

  @Test
  void readsTheCollectorsOwnProcess() {
    int self = (int) ProcessHandle.current().pid();
    ProcessReading me = new ProcessReader(Path.of("/proc"), errors).read(self).orElseThrow();
    assertEquals("java", me.comm());
    assertTrue(me.rssBytes() > 16L * 1024 * 1024);
    assertTrue(me.status().threads() > 1);
    assertTrue(me.status().vmDataBytes() > 0);
  }

  @Test
  void skipsProcessThatExitsBeforeItIsRead() throws IOException, InterruptedException {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    int pid = (int) sleeper.pid();
    ProcessReader reader = new ProcessReader(Path.of("/proc"), errors);
    assertTrue(reader.read(pid).isPresent());
    sleeper.destroy();
    assertTrue(sleeper.waitFor(10, TimeUnit.SECONDS));
    assertTrue(reader.read(pid).isEmpty());
    assertEquals(Map.of(ReadErrors.VANISHED, 1L), errors.snapshot());
  }

  @Test
  void skipsProcessThatExitsWhileBeingRead() {
    // 5500's stat was read, then the process exited before its status was.
    assertTrue(recorded(RecordedHosts.KERNEL_4_18_ARM64_NO_PSI).read(5500).isEmpty());
    assertEquals(Map.of(ReadErrors.VANISHED, 1L), errors.snapshot());
  }

  @Test
  void skipsZombiesAndKernelThreadsWithoutCallingThemErrors() {
    ProcessReader reader = recorded(RecordedHosts.KERNEL_4_18_ARM64_NO_PSI);
    assertTrue(reader.read(5600).isEmpty(), "zombie");
    assertTrue(reader.read(2).isEmpty(), "kthreadd");
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void skipsAndCountsProcessesWhoseFilesWereCutShort() {
    ProcessReader reader = recorded(RecordedHosts.KERNEL_4_18_ARM64_NO_PSI);
    assertTrue(reader.read(5700).isEmpty(), "status cut inside VmRSS");
    assertTrue(reader.read(5800).isEmpty(), "stat cut before the start time");
    assertEquals(Map.of(ReadErrors.MALFORMED, 2L), errors.snapshot());
  }

  @Test
  void readsVmDataAndThreadsOnEveryKernel() {
    for (String tree :
        new String[] {
          RecordedHosts.KERNEL_3_10,
          RecordedHosts.KERNEL_4_18_ARM64_NO_PSI,
          RecordedHosts.KERNEL_5_15_CGROUP_V2,
          RecordedHosts.KERNEL_5_15_SWAP_HEAVY,
          RecordedHosts.KERNEL_6_1_HYBRID
        }) {
      ProcessReading init = recorded(tree).read(1).orElseThrow(() -> new AssertionError(tree));
      assertEquals("systemd", init.comm(), tree);
      assertTrue(init.status().vmDataBytes() > 0, tree);
      assertEquals(1, init.status().threads(), tree);
    }
  }

  @Test
  void readsTheSwapOfEveryProcessOfTheSwapHeavyHost() {
    ProcessReader reader = recorded(RecordedHosts.KERNEL_5_15_SWAP_HEAVY);

    ProcessReading java = reader.read(2101).orElseThrow();
    assertEquals("java", java.comm());
    assertEquals(1572864L * 1024, java.status().swapBytes());
    assertEquals(2555904L * 1024, java.rssBytes());
    long sum = 0;
    for (int pid : new int[] {1, 900, 2101, 3300, 4400, 5500, 6600}) {
      sum += reader.read(pid).orElseThrow().status().swapBytes();
    }
    assertEquals(3060736L * 1024, sum, "94 % of the 3252220 kB of swap in use");
    assertTrue(reader.read(2).isEmpty(), "kthreadd is a kernel thread");
    assertEquals(Map.of(), errors.snapshot());
  }
}
