package io.aiops.cli.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiops.cli.inspect.UnusualMapping.Finding;
import io.aiops.collector.RecordedHosts;
import io.aiops.collector.procfs.SmapsReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnusualMappingsTest {
  /**
   * A file mapped writable and executable, as /proc/PID/smaps printed it on the build machine
   * (Linux 6.18) for {@code python3 -c 'mmap.mmap(f.fileno(), 4096, prot=PROT_READ | PROT_WRITE |
   * PROT_EXEC)'} on a file opened read-write.
   */
  private static final String WRITABLE_EXECUTABLE_FILE =
      """
      7fdc4700f000-7fdc47010000 rwxs 00000000 fe:00 2146489                    /tmp/cap-plugin.bin
      Size:                  4 kB
      KernelPageSize:        4 kB
      MMUPageSize:           4 kB
      Rss:                   4 kB
      Pss:                   4 kB
      Pss_Dirty:             4 kB
      Shared_Clean:          0 kB
      Shared_Dirty:          0 kB
      Private_Clean:         0 kB
      Private_Dirty:         4 kB
      Referenced:            4 kB
      Anonymous:             0 kB
      KSM:                   0 kB
      LazyFree:              0 kB
      AnonHugePages:         0 kB
      ShmemPmdMapped:        0 kB
      FilePmdMapped:         0 kB
      Shared_Hugetlb:        0 kB
      Private_Hugetlb:       0 kB
      Swap:                  0 kB
      SwapPss:               0 kB
      Locked:                0 kB
      THPeligible:           0
      ProtectionKey:         0
      VmFlags: rd wr ex sh mr mw me ms
      """;

  @Test
  void aFileMappedWritableAndExecutableIsUnusual() throws IOException {
    UnusualMappings unusual = new UnusualMappings();
    SmapsReader.read(
        new BufferedReader(new StringReader(WRITABLE_EXECUTABLE_FILE)), unusual::accept);

    assertEquals(
        List.of(Finding.WRITABLE_EXECUTABLE),
        unusual.found().stream().map(UnusualMapping::finding).toList());
    assertEquals("/tmp/cap-plugin.bin", unusual.found().get(0).path());
    assertEquals(List.of(), unusual.jitCode());
  }

  @Test
  void anonymousWritableExecutableMemoryIsJitCodeNotUnusual() throws IOException {
    Path smaps =
        RecordedHosts.proc(RecordedHosts.KERNEL_6_18_RECORDED_SMAPS)
            .resolve(RecordedHosts.RECORDED_JVM + "/smaps");
    UnusualMappings unusual = new UnusualMappings();
    SmapsReader.read(smaps, unusual::accept);

    assertEquals(List.of(), unusual.found());
    assertEquals(
        List.of("7ff365400000", "7ff36c938000", "7ff36cec7000"),
        unusual.jitCode().stream().map(UnusualMapping::address).toList(),
        "the JVM's three code heaps, by address");
    unusual.jitCode().forEach(u -> assertEquals(Finding.JIT_CODE, u.finding()));
  }
}
