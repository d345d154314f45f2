package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.RecordedHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VmstatTest {
  private final ReadErrors errors = new ReadErrors();

  private Vmstat recorded(String tree, String file) throws IOException {
    return Vmstat.parse(Files.readString(RecordedHosts.proc(tree).resolve(file)), errors);
  }

  @Test
  void keepsEveryCounterAsPrintedIncludingThoseASampleDoesNotCarry() throws IOException {
    Vmstat v = recorded(RecordedHosts.KERNEL_5_15_CGROUP_V2, "vmstat");

    assertEquals(20123456L, v.counter("pgpgin"), "KiB, as the kernel prints it");
    assertEquals(5512345L, v.counter("nr_dirtied"));
    assertEquals(5498765L, v.counter("nr_written"));
    assertEquals(21000L, v.counter("workingset_activate_file"));
    assertNull(v.counter("workingset_refault"), "5.9 split it by page type");
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void sumsCountersSplitByPageTypeOrZoneWhenThePlainOneIsAbsent() throws IOException {
    Vmstat split = recorded(RecordedHosts.KERNEL_5_15_SWAP_HEAVY, "vmstat");
    Vmstat plain = recorded(RecordedHosts.KERNEL_4_18_ARM64_NO_PSI, "vmstat");

    assertEquals(9123456L + 7345152L, split.plainOrSum("workingset_refault", "anon", "file"));
    assertEquals(812L + 61234L, split.plainOrSum("allocstall", "dma32", "normal", "movable"));
    assertEquals(61234L, plain.plainOrSum("workingset_refault", "anon", "file"));
    assertNull(plain.plainOrSum("no_such_counter", "anon", "file"));
  }

  @Test
  void theSwapHeavyHostsTwoReadingsDifferByTenSecondsOfAStorm() throws IOException {
    Vmstat earlier = recorded(RecordedHosts.KERNEL_5_15_SWAP_HEAVY, "vmstat.earlier");
    Vmstat later = recorded(RecordedHosts.KERNEL_5_15_SWAP_HEAVY, "vmstat");

    assertEquals(later.countersByName().keySet(), earlier.countersByName().keySet());
    assertEquals(40960L, later.counter("pswpin") - earlier.counter("pswpin"));
    assertEquals(51200L, later.counter("pswpout") - earlier.counter("pswpout"));
    assertTrue(
        later.counter("pgpgin") - earlier.counter("pgpgin") >= 4 * 40960,
        "pgpgin (KiB) counts swap-ins too");
    for (String counter : later.countersByName().keySet()) {
      if (!counter.startsWith("nr_")) {
        assertTrue(
            later.counter(counter) >= earlier.counter(counter), counter + " is an event counter");
      }
    }
  }

  @Test
  void feedsTheCollectorsCountersUnchanged() throws IOException {
    String text = Files.readString(RecordedHosts.proc(RecordedHosts.KERNEL_3_10).resolve("vmstat"));

    assertEquals(
        VmstatParser.parse(text, errors), VmstatParser.counters(Vmstat.parse(text, errors)));
    assertNull(VmstatParser.counters(Vmstat.parse("", errors)), "an empty vmstat has none");
  }
}
