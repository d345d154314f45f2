package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.RecordedHosts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ProcessDetailsReaderTest {
  private final ReadErrors errors = new ReadErrors();
  private final MissingDataNotices notices = new MissingDataNotices();

  private ProcessDetailsReader recorded(String tree) {
    return new ProcessDetailsReader(RecordedHosts.proc(tree), errors, notices);
  }

  @Test
  void readsTheCollectorsOwnSmapsRollupFdsAndCommandLine() throws IOException {
    int self = (int) ProcessHandle.current().pid();
    ProcessDetails me =
        new ProcessDetailsReader(Path.of("/proc"), errors, notices).read(self).orElseThrow();
    assertNotNull(me.cgroup());
    assertTrue(me.cmdline().startsWith("/") || me.cmdline().startsWith("java"), me.cmdline());
    assertTrue(me.smapsRollup().pssBytes() > 16L * 1024 * 1024);
    long listed;
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      listed = fds.count();
    }
    // Listing opens one descriptor of its own; other threads may open or close a few meanwhile.
    assertTrue(Math.abs(me.fdCount() - listed) <= 3, me.fdCount() + " vs listed " + listed);
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void dropsProcessThatExitsAfterItWasSelected() throws IOException, InterruptedException {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    int pid = (int) sleeper.pid();
    sleeper.destroy();
    assertTrue(sleeper.waitFor(10, TimeUnit.SECONDS));
    assertTrue(new ProcessDetailsReader(Path.of("/proc"), errors, notices).read(pid).isEmpty());
    assertEquals(Map.of(ReadErrors.VANISHED, 1L), errors.snapshot());
  }

  @Test
  void readsContainerAndPodOfAKubernetesContainer() {
    ProcessDetails app = recorded(RecordedHosts.KERNEL_5_15_CGROUP_V2).read(4242).orElseThrow();
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        app.container().containerId());
    assertEquals("1f2e3d4c-5b6a-7980-1a2b-3c4d5e6f7a8b", app.container().podUid());
    assertEquals(40, app.fdCount());
    assertEquals("java -XX:MaxRAMPercentage=75 -jar /app/orders.jar", app.cmdline());
    assertEquals(600064L * 1024, app.smapsRollup().pssBytes());
  }

  @Test
  void leavesPssNullAndSaysSoOnceOnKernelsWithoutSmapsRollup() {
    ProcessDetailsReader reader = recorded(RecordedHosts.KERNEL_3_10);
    ProcessDetails init = reader.read(1).orElseThrow();
    ProcessDetails app = reader.read(4242).orElseThrow();
    assertNull(init.smapsRollup());
    assertNull(app.smapsRollup());
    assertEquals(7, app.fdCount());
    assertEquals("/opt/app/bin/my-app --config /etc/app/app.yaml", app.cmdline());
    assertEquals(1, notices.said().size(), notices.said().toString());
    assertTrue(notices.said().get(0).contains("before 4.14"));
    assertEquals(Map.of(), errors.snapshot(), "a kernel without the file is not an error");
  }

  @Test
  void leavesFieldsNullWhenARecordedProcessLacksTheirFiles() {
    ProcessDetails sshd = recorded(RecordedHosts.KERNEL_4_18_ARM64_NO_PSI).read(5800).orElseThrow();
    assertNull(sshd.cgroup());
    assertNull(sshd.cmdline());
    assertNull(sshd.fdCount());
    assertEquals(List.of(), notices.said());
  }
}
