package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.RecordedHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlabinfoParserTest {
  private static final long PAGE = 4096;
  private final ReadErrors errors = new ReadErrors();

  private List<SlabCache> swapHeavyHost() throws IOException {
    return SlabinfoParser.parse(
        Files.readString(
            RecordedHosts.proc(RecordedHosts.KERNEL_5_15_SWAP_HEAVY).resolve("slabinfo")),
        errors);
  }

  @Test
  void readsEveryCacheLineAndSkipsTheTwoHeaderLines() throws IOException {
    List<SlabCache> caches = swapHeavyHost();

    assertEquals(24, caches.size());
    SlabCache dentry = caches.stream().filter(c -> c.name().equals("dentry")).findFirst().get();
    assertEquals(new SlabCache("dentry", 180126, 189000, 192, 1, 9000), dentry);
    assertEquals(9000 * PAGE, dentry.bytes(PAGE), "whole slabs, as slabtop counts them");
    assertEquals(180126L * 192, dentry.activeBytes());
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void theLargestCacheOfTheSwapHeavyHostIsTheSwapCachesRadixTree() throws IOException {
    SlabCache largest =
        swapHeavyHost().stream().max(Comparator.comparingLong(c -> c.bytes(PAGE))).orElseThrow();

    assertEquals("radix_tree_node", largest.name());
    assertEquals(4700L * 4 * PAGE, largest.bytes(PAGE));
  }

  @Test
  void holdsNoMoreThanMeminfosSlab() throws IOException {
    long listed = swapHeavyHost().stream().mapToLong(c -> c.bytes(PAGE)).sum();
    Meminfo meminfo =
        Meminfo.parse(
            Files.readString(
                RecordedHosts.proc(RecordedHosts.KERNEL_5_15_SWAP_HEAVY).resolve("meminfo")),
            errors);

    assertEquals(230560L * 1024, listed);
    assertTrue(listed <= meminfo.bytes("Slab"));
  }

  @Test
  void countsLinesThatAreNotCacheLinesAsMalformed() {
    List<SlabCache> caches =
        SlabinfoParser.parse(
            "slabinfo - version: 2.1\n"
                + "kmalloc-64 10 64 64 64 1 : tunables 0 0 0 : slabdata 1 1 0\n"
                + "kmalloc-32 10 64 32 128 1 : tunables 0 0 0 : slabd\n"
                + "kmalloc-16 x 64 16 256 1 : tunables 0 0 0 : slabdata 1 1 0\n",
            errors);

    assertEquals(List.of(new SlabCache("kmalloc-64", 10, 64, 64, 1, 1)), caches);
    assertEquals(Map.of(ReadErrors.MALFORMED, 2L), errors.snapshot());
  }
}
