package io.aiops.collector.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.CgroupMemory;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.ProcessMemory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class HostSamplerTest {
  private static final long NOW_MS = 1_767_225_600_000L;

  private static HostMemorySample sampleOf(String recordedHost, ReadErrors errors) {
    try {
      Path root =
          Path.of(
              Objects.requireNonNull(HostSamplerTest.class.getResource("/hosts/" + recordedHost))
                  .toURI());
      return new HostSampler(HostPaths.under(root), new ProcessSelection(0, 50), errors)
          .sample(NOW_MS);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ProcessMemory process(HostMemorySample sample, int pid) {
    return sample.getProcesses().stream()
        .filter(p -> p.getPid() == pid)
        .findFirst()
        .orElseThrow(() -> new AssertionError("pid " + pid + " not sampled"));
  }

  @Test
  void readsHybridHostWithMemoryControllerOnCgroupV1() {
    HostMemorySample sample = sampleOf("kernel-6.1-cgroup-v1-hybrid", new ReadErrors());
    assertEquals("f3a1c0de5eed4b1a9e0c2d7b8a6f4e21", sample.getHostId());
    assertEquals("1b7a9c3e-2f4d-4e8a-9b6c-0d1e2f3a4b5c", sample.getBootId());
    assertEquals("db-01", sample.getHostname());
    assertEquals(24684084L * 1024, sample.getMemTotalBytes());
    assertNotNull(sample.getMemoryPressure());
    assertNotNull(sample.getVmstat().getPgfault());

    ProcessMemory app = process(sample, 4242);
    assertEquals("my (odd) app", app.getComm());
    assertEquals(524288L * 1024, app.getRssBytes());
    assertEquals(491520L * 1024, app.getRssAnonBytes());
    assertEquals(2048L * 1024, app.getSwapBytes());
    assertEquals("/system.slice/app.service", app.getCgroupPath());

    CgroupMemory cgroup =
        sample.getCgroups().stream()
            .filter(c -> c.getPath().equals("/system.slice/app.service"))
            .findFirst()
            .orElseThrow();
    assertEquals(1, cgroup.getCgroupVersion());
    assertEquals(1073741824L, cgroup.getLimitBytes());
    assertEquals(600000000L - 40000000L, cgroup.getWorkingSetBytes());
    assertEquals(3L, cgroup.getOomKillEvents());
    CgroupMemory root =
        sample.getCgroups().stream().filter(c -> c.getPath().equals("/")).findFirst().orElseThrow();
    assertNull(root.getLimitBytes(), "v1 'unlimited' is reported as no limit");
  }

  @Test
  void neverSamplesKernelThreads() {
    HostMemorySample sample = sampleOf("kernel-6.1-cgroup-v1-hybrid", new ReadErrors());
    assertTrue(sample.getProcesses().stream().noneMatch(p -> p.getPid() == 2));
  }

  @Test
  void readsOldKernelWithoutPsiMemAvailableOrRssBreakdown() {
    ReadErrors errors = new ReadErrors();
    HostMemorySample sample = sampleOf("kernel-3.10-el7", errors);
    assertNull(sample.getMemoryPressure());
    assertTrue(sample.getMemAvailableBytes() > sample.getMemFreeBytes());
    ProcessMemory app = process(sample, 4242);
    assertNull(app.getRssAnonBytes());
    assertEquals(524288L * 1024, app.getRssBytes());
    assertEquals("/system.slice/app.service", app.getCgroupPath());
  }

  @Test
  void readsKubernetesContainerOnCgroupV2() {
    HostMemorySample sample = sampleOf("kernel-5.15-cgroup-v2", new ReadErrors());
    ProcessMemory app = process(sample, 4242);
    assertTrue(app.getCgroupPath().endsWith("cri-containerd-0123456789abcdef.scope"));
    CgroupMemory container =
        sample.getCgroups().stream()
            .filter(c -> c.getPath().equals(app.getCgroupPath()))
            .findFirst()
            .orElseThrow();
    assertEquals(2, container.getCgroupVersion());
    assertEquals(805306368L, container.getLimitBytes());
    assertEquals(700000000L - 60000000L, container.getWorkingSetBytes());
    assertEquals(1L, container.getOomKillEvents());
    CgroupMemory init =
        sample.getCgroups().stream()
            .filter(c -> c.getPath().equals("/init.scope"))
            .findFirst()
            .orElseThrow();
    assertNull(init.getLimitBytes(), "memory.max 'max' means no limit");
  }

  @Test
  void samplesThisMachineIncludingItself() {
    HostMemorySample sample =
        new HostSampler(HostPaths.live(), ProcessSelection.defaults(), new ReadErrors())
            .sample(System.currentTimeMillis());
    long self = ProcessHandle.current().pid();
    ProcessMemory me =
        sample.getProcesses().stream()
            .filter(p -> p.getPid() == self)
            .findFirst()
            .orElseThrow(() -> new AssertionError("the test JVM is among the largest processes"));
    assertTrue(me.getRssBytes() > 16L * 1024 * 1024);
    assertTrue(sample.getMemTotalBytes() > 0);
  }
}
