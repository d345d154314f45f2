package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiops.collector.RecordedHosts;
import io.aiops.schemas.memory.BuddyZone;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuddyinfoParserTest {
  private final ReadErrors errors = new ReadErrors();

  private List<BuddyZone> recorded(String tree) throws IOException {
    return BuddyinfoParser.parse(
        Files.readString(RecordedHosts.proc(tree).resolve("buddyinfo")), errors);
  }

  @Test
  void readsEveryZoneOfEveryNodeWithItsFreeBlocksByOrder() throws IOException {
    List<BuddyZone> zones = recorded(RecordedHosts.KERNEL_6_1_HYBRID);
    assertEquals(4, zones.size());
    BuddyZone normal1 = zones.get(3);
    assertEquals(1, normal1.getNode());
    assertEquals("Normal", normal1.getZone());
    assertEquals(
        List.of(12010L, 6005L, 3001L, 1500L, 750L, 375L, 187L, 93L, 46L, 23L, 1999L),
        normal1.getFreeBlocksByOrder());
    assertEquals(Map.of(), errors.snapshot(), "the kernel's trailing space is no error");
  }

  @Test
  void readsAsManyOrdersAsTheKernelPrints() throws IOException {
    List<BuddyZone> zones = recorded(RecordedHosts.KERNEL_4_18_ARM64_NO_PSI);
    assertEquals(List.of("DMA", "Normal"), zones.stream().map(BuddyZone::getZone).toList());
    assertEquals(14, zones.get(1).getFreeBlocksByOrder().size(), "64 KiB pages: MAX_ORDER 14");
    assertEquals(517L, zones.get(1).getFreeBlocksByOrder().get(13));
  }

  @Test
  void skipsAndCountsLinesThatAreNotAZone() {
    List<BuddyZone> zones =
        BuddyinfoParser.parse(
            "Node 0, zone   Normal   1 2 3\n"
                + "Node x, zone   Normal   1 2 3\n"
                + "Node 0, zone   Normal   1 2 z\n"
                + "Node 0 zone   Normal   1 2 3\n"
                + "Node 0, zone\n\n",
            errors);
    assertEquals(1, zones.size());
    assertEquals(Map.of(ReadErrors.MALFORMED, 4L), errors.snapshot());
  }
}
