package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aiops.collector.RecordedHosts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageSizeTest {

  @Test
  void readsTheKernelPageSizeOfTheFirstMapping() {
    assertEquals(65536, PageSize.of(RecordedHosts.proc(RecordedHosts.KERNEL_4_18_ARM64_NO_PSI)));
    assertEquals(4096, PageSize.of(RecordedHosts.proc(RecordedHosts.KERNEL_6_1_HYBRID)));
  }

  @Test
  void defaultsTo4KiBWhenSmapsCannotBeRead(@TempDir Path emptyProc) {
    assertEquals(4096, PageSize.of(emptyProc));
  }

  @Test
  void agreesWithGetconfOnThisMachine() throws IOException, InterruptedException {
    Process getconf = new ProcessBuilder("getconf", "PAGESIZE").start();
    String printed = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    getconf.waitFor();
    assertEquals(Long.parseLong(printed.trim()), PageSize.of(Path.of("/proc")));
  }
}
