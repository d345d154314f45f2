package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.RecordedHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcfsReaderTest {
  private final ReadErrors errors = new ReadErrors();
  private final MissingDataNotices notices = MissingDataNotices.kept();

  private ProcfsReader recorded(String tree) {
    return new ProcfsReader(RecordedHosts.proc(tree), errors, notices);
  }

  @Test
  void readsARecordedEarlierVmstatBesideTheCurrentOne() {
    ProcfsReader reader = recorded(RecordedHosts.KERNEL_5_15_SWAP_HEAVY);

    Vmstat earlier = reader.vmstatCounters("vmstat.earlier").orElseThrow();
    Vmstat later = reader.vmstatCounters("vmstat").orElseThrow();

    assertEquals(20082496L, earlier.counter("pswpin"));
    assertEquals(20123456L, later.counter("pswpin"));
  }

  @Test
  void readsNumericVmSettings() {
    ProcfsReader reader = recorded(RecordedHosts.KERNEL_5_15_SWAP_HEAVY);

    assertEquals(OptionalLong.of(60), reader.vmSetting("swappiness"));
    assertEquals(OptionalLong.of(20), reader.vmSetting("dirty_ratio"));
    assertEquals(OptionalLong.of(0), reader.vmSetting("dirty_bytes"));
  }

  @Test
  void saysOnceWhatATreeWithoutSlabinfoOrSettingsLacksAndCarriesOn() {
    ProcfsReader reader = recorded(RecordedHosts.KERNEL_5_15_CGROUP_V2);

    assertTrue(reader.slabinfo().isEmpty());
    assertTrue(reader.slabinfo().isEmpty());
    assertEquals(OptionalLong.empty(), reader.vmSetting("swappiness"));

    List<String> said = notices.said();
    assertEquals(2, said.size(), said.toString());
    assertTrue(said.get(0).contains("slabinfo") && said.get(0).contains("CONFIG_SLUB_DEBUG"));
    assertTrue(said.get(1).contains("vm.swappiness is unknown"), said.get(1));
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void countsASettingThatIsNotANumberAsMalformed(@TempDir Path proc) throws IOException {
    Files.createDirectories(proc.resolve("sys/vm"));
    Files.writeString(proc.resolve("sys/vm/swappiness"), "sixty\n");

    assertEquals(
        OptionalLong.empty(), new ProcfsReader(proc, errors, notices).vmSetting("swappiness"));
    assertEquals(Map.of(ReadErrors.MALFORMED, 1L), errors.snapshot());
  }
}
