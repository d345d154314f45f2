package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.RecordedHosts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmapsReaderTest {
  private static final Path TREE = RecordedHosts.root(RecordedHosts.KERNEL_6_18_RECORDED_SMAPS);

  private static List<SmapsMapping> recorded(int pid) throws IOException {
    List<SmapsMapping> mappings = new ArrayList<>();
    int count = SmapsReader.read(TREE.resolve("proc/" + pid + "/smaps"), mappings::add);
    assertEquals(mappings.size(), count);
    return mappings;
  }

  private static List<SmapsMapping> parse(String text) throws IOException {
    List<SmapsMapping> mappings = new ArrayList<>();
    SmapsReader.read(new BufferedReader(new StringReader(text)), mappings::add);
    return mappings;
  }

  private static MappingTotals total(List<SmapsMapping> mappings) {
    MappingTotals total = MappingTotals.NONE;
    for (SmapsMapping m : mappings) {
      total = total.plus(m);
    }
    return total;
  }

  /** The "total kB size rss dirty" line pmap -x printed when the tree was recorded, in bytes. */
  private static long[] pmapTotal(int pid) throws IOException {
    String last =
        Files.readAllLines(TREE.resolve("recorded-with/pmap-x-" + pid + ".txt")).stream()
            .filter(l -> l.startsWith("total kB"))
            .findFirst()
            .orElseThrow();
    String[] parts = last.trim().split("\\s+");
    return new long[] {
      Long.parseLong(parts[2]) * 1024,
      Long.parseLong(parts[3]) * 1024,
      Long.parseLong(parts[4]) * 1024
    };
  }

  private static SmapsRollup rollup(int pid) throws IOException {
    ProcFileBuffer buffer = new ProcFileBuffer();
    buffer.read(TREE.resolve("proc/" + pid + "/smaps_rollup"));
    return new SmapsRollup.Parser().parse(buffer.bytes(), buffer.length(), new ReadErrors());
  }

  @Test
  void totalsOfEveryRecordedProcessEqualWhatPmapPrintedAtTheSameMoment() throws IOException {
    for (int pid :
        new int[] {
          RecordedHosts.RECORDED_JVM,
          RecordedHosts.RECORDED_SLEEP,
          RecordedHosts.RECORDED_ODD_MAPPINGS
        }) {
      MappingTotals total = total(recorded(pid));
      long[] pmap = pmapTotal(pid);
      assertEquals(pmap[0], total.sizeBytes(), pid + ": pmap's Kbytes");
      assertEquals(pmap[1], total.rssBytes(), pid + ": pmap's RSS");
      assertEquals(pmap[2], total.dirtyBytes(), pid + ": pmap's Dirty");
    }
  }

  @Test
  void jvmMappingsAddUpToItsSmapsRollup() throws IOException {
    List<SmapsMapping> mappings = recorded(RecordedHosts.RECORDED_JVM);
    SmapsRollup rollup = rollup(RecordedHosts.RECORDED_JVM);
    MappingTotals total = total(mappings);
    assertEquals(167, mappings.size(), "one per header line of the recording");
    assertEquals(rollup.privateDirtyBytes(), total.privateBytes() - privateClean(mappings));
    assertEquals(rollup.swapBytes(), total.swapBytes());
    // The rollup sums Pss before rounding to kB; smaps rounds each mapping down.
    long pssRounding = 1024L * mappings.size();
    assertTrue(
        rollup.pssBytes() >= total.pssBytes() && rollup.pssBytes() - total.pssBytes() < pssRounding,
        rollup.pssBytes() + " vs " + total.pssBytes());
  }

  private static long privateClean(List<SmapsMapping> mappings) {
    return mappings.stream().mapToLong(m -> m.bytes("Private_Clean")).sum();
  }

  @Test
  void classifiesTheMappingsOfAJvm() throws IOException {
    Map<MappingKind, MappingTotals> byKind = new EnumMap<>(MappingKind.class);
    for (SmapsMapping m : recorded(RecordedHosts.RECORDED_JVM)) {
      byKind.merge(m.kind(), MappingTotals.NONE.plus(m), MappingTotals::plus);
    }
    // -Xmx64m reserves the Java heap as anonymous mmap; malloc's brk heap is small beside it.
    assertTrue(
        byKind.get(MappingKind.ANONYMOUS).rssBytes() > byKind.get(MappingKind.HEAP).rssBytes());
    assertTrue(byKind.get(MappingKind.LIBRARY).mappings() > 20, "libjvm, libc, libjava, ...");
    assertEquals(1, byKind.get(MappingKind.STACK).mappings(), "the main thread's [stack] only");
    assertTrue(byKind.containsKey(MappingKind.FILE), "the java launcher and the CDS archive");
    assertTrue(byKind.containsKey(MappingKind.KERNEL));
  }

  @Test
  void readsTheOddMappingsOfTheRecordedCProgram() throws IOException {
    List<SmapsMapping> mappings = recorded(RecordedHosts.RECORDED_ODD_MAPPINGS);
    SmapsMapping sysv = only(mappings, "/SYSV00000000 (deleted)");
    assertEquals(MappingKind.SHMEM, sysv.kind());
    assertEquals(1536L << 20, sysv.sizeBytes(), "shmget of 1.5 GiB");
    assertEquals(8L << 20, sysv.rssBytes(), "8 MiB of it touched");
    assertTrue(sysv.shared());
    SmapsMapping scratch = only(mappings, "/tmp/cap/scratch.dat (deleted)");
    assertEquals(MappingKind.FILE, scratch.kind());
    assertTrue(scratch.deleted());
    assertEquals(1L << 20, scratch.dirtyBytes(), "1 MiB written before the unlink");
    SmapsMapping jit =
        mappings.stream().filter(m -> m.writable() && m.executable()).findFirst().orElseThrow();
    assertEquals("rwxp", jit.permissions());
    assertEquals(64L << 10, jit.sizeBytes());
    SmapsMapping vsyscall = only(mappings, "[vsyscall]");
    assertEquals("ffffffffff600000", vsyscall.startHex(), "an unsigned address");
    assertEquals(4096, vsyscall.sizeBytes());
    assertEquals("0", vsyscall.otherFields().get("THPeligible"));
  }

  private static SmapsMapping only(List<SmapsMapping> mappings, String path) {
    List<SmapsMapping> found = mappings.stream().filter(m -> m.path().equals(path)).toList();
    assertEquals(1, found.size(), path);
    return found.get(0);
  }

  @Test
  void keepsPathsWithSpacesAndFieldsWithoutUnitsAsPrinted() throws IOException {
    List<SmapsMapping> mappings =
        parse(
            """
            7f0000000000-7f0000002000 r--s 00001000 fe:00 1234                       /srv/my data/file v2.bin
            Size:                  8 kB
            Rss:                   4 kB
            Shared_Dirty:          0 kB
            Private_Dirty:         4 kB
            THPeligible:    0
            VmFlags: rd sh mr mw me ms sd
            7f0000002000-7f0000003000 rw-p 00000000 00:00 0 \

            Size:                  4 kB
            """);
    assertEquals(2, mappings.size());
    SmapsMapping file = mappings.get(0);
    assertEquals("/srv/my data/file v2.bin", file.path());
    assertEquals(0x1000, file.offset());
    assertEquals("fe:00", file.device());
    assertEquals(1234, file.inode());
    assertEquals(4096, file.rssBytes());
    assertEquals(4096, file.dirtyBytes());
    assertEquals("rd sh mr mw me ms sd", file.otherFields().get("VmFlags"));
    assertTrue(file.shared());
    assertEquals("", mappings.get(1).path(), "the anonymous mapping's trailing blank is no path");
    assertEquals(MappingKind.ANONYMOUS, mappings.get(1).kind());
  }

  @Test
  void anEmptyFileHasNoMappings() throws IOException {
    assertEquals(List.of(), parse(""), "a zombie's or a kernel thread's smaps");
  }

  @Test
  void saysWhichLineIsMalformed() {
    MalformedSmapsException beforeHeader =
        assertThrows(MalformedSmapsException.class, () -> parse("Rss:    4 kB\n"));
    assertTrue(beforeHeader.getMessage().startsWith("line 1: "), beforeHeader.getMessage());
    MalformedSmapsException badSize =
        assertThrows(
            MalformedSmapsException.class,
            () -> parse("00400000-00401000 r-xp 00000000 fe:00 1 /bin/x\nRss:   four kB\n"));
    assertTrue(badSize.getMessage().startsWith("line 2: "), badSize.getMessage());
    assertThrows(MalformedSmapsException.class, () -> parse("hello world\n"));
  }

  @Test
  void aMissingProcessIsNoSuchFile() {
    assertThrows(
        NoSuchFileException.class,
        () -> SmapsReader.read(TREE.resolve("proc/999999/smaps"), m -> {}));
  }
}
