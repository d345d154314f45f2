package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.aiops.collector.RecordedHosts;
import io.aiops.schemas.memory.VmStatCounters;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VmstatParserTest {
  private final ReadErrors errors = new ReadErrors();

  private VmStatCounters recorded(String tree) throws IOException {
    return VmstatParser.parse(Files.readString(RecordedHosts.proc(tree).resolve("vmstat")), errors);
  }

  @Test
  void sumsPerZoneReclaimCountersOfKernelsBefore4_8() throws IOException {
    VmStatCounters v = recorded(RecordedHosts.KERNEL_3_10);
    assertEquals(31500L, v.getPgscanKswapd(), "dma32 + normal");
    assertEquals(520L, v.getPgscanDirect(), "pgscan_direct_throttle is not a zone");
    assertEquals(21000L, v.getPgstealKswapd());
    assertEquals(310L, v.getPgstealDirect());
    assertEquals(3L, v.getAllocstall());
    assertEquals(5L, v.getCompactStall());
    assertNull(v.getWorkingsetRefault(), "3.15 added workingset counters");
    assertNull(v.getOomKill(), "4.13 added oom_kill");
    assertNull(v.getPgscanAnon());
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void readsOneRefaultCounterAndSumsAllocstallZonesOn4_18() throws IOException {
    VmStatCounters v = recorded(RecordedHosts.KERNEL_4_18_ARM64_NO_PSI);
    assertEquals(812345L, v.getPgscanKswapd());
    assertEquals(13L, v.getAllocstall(), "allocstall_dma + allocstall_normal");
    assertEquals(61234L, v.getWorkingsetRefault());
    assertEquals(12001L, v.getWorkingsetActivate());
    assertNull(v.getWorkingsetRefaultAnon());
    assertEquals(4L, v.getOomKill());
  }

  @Test
  void sumsRefaultsSplitByPageTypeSince5_9() throws IOException {
    VmStatCounters v = recorded(RecordedHosts.KERNEL_5_15_CGROUP_V2);
    assertEquals(0L, v.getWorkingsetRefaultAnon());
    assertEquals(88000L, v.getWorkingsetRefaultFile());
    assertEquals(88000L, v.getWorkingsetRefault());
    assertEquals(21000L, v.getWorkingsetActivate());
    assertEquals(460245L, v.getPgscanFile());
    assertNull(v.getPgscanKhugepaged(), "6.0 split khugepaged reclaim from direct");
  }

  @Test
  void readsKhugepagedReclaimAndAllocstallOf6_1() throws IOException {
    VmStatCounters v = recorded(RecordedHosts.KERNEL_6_1_HYBRID);
    assertEquals(95000L, v.getPgscanKswapd());
    assertEquals(150L, v.getPgscanKhugepaged());
    assertEquals(120L, v.getPgstealKhugepaged());
    assertEquals(9350L, v.getPgscanAnon());
    assertEquals(1600L, v.getPgstealAnon());
    assertEquals(82620L, v.getPgstealFile());
    assertEquals(42L, v.getAllocstall());
    assertEquals(12310L, v.getWorkingsetRefault());
    assertEquals(11L, v.getCompactStall());
    assertEquals(4L, v.getCompactFail());
    assertEquals(2L, v.getOomKill());
  }

  @Test
  void countsLinesThatAreNotNameAndNumber() {
    VmStatCounters v = VmstatParser.parse("pgfault 10\npgmajfault x\nbogus\noom_kill 1", errors);
    assertEquals(10L, v.getPgfault());
    assertNull(v.getPgmajfault());
    assertNull(v.getOomKill(), "the last line may have been cut short");
    assertEquals(Map.of(ReadErrors.MALFORMED, 3L), errors.snapshot());
  }

  @Test
  void hasNoCountersForAnEmptyFile() {
    assertNull(VmstatParser.parse("", errors));
  }
}
