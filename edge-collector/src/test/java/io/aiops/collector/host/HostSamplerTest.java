package io.aiops.collector.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.RecordedHosts;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.CgroupMemory;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.ProcessMemory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostSamplerTest {
  private static final long NOW_MS = 1_767_225_600_000L;
  private static final String JAVA_CONTAINER =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private final ReadErrors errors = new ReadErrors();

  private HostMemorySample sampleOf(String recordedHost) {
    return samplerOf(recordedHost).sample(NOW_MS);
  }

  private HostSampler samplerOf(String recordedHost) {
    return new HostSampler(
        HostPaths.under(RecordedHosts.root(recordedHost)), new ProcessSelection(0, 50), errors);
  }

  private static ProcessMemory process(HostMemorySample sample, int pid) {
    return sample.getProcesses().stream()
        .filter(p -> p.getPid() == pid)
        .findFirst()
        .orElseThrow(() -> new AssertionError("pid " + pid + " not sampled"));
  }

  private static CgroupMemory cgroup(HostMemorySample sample, String path) {
    return sample.getCgroups().stream()
        .filter(c -> c.getPath().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("cgroup " + path + " not sampled"));
  }

  private static List<Integer> pids(HostMemorySample sample) {
    return sample.getProcesses().stream().map(ProcessMemory::getPid).sorted().toList();
  }

  @Test
  void readsHybridHostWithMemoryControllerOnCgroupV1() {
    HostMemorySample sample = sampleOf(RecordedHosts.KERNEL_6_1_HYBRID);
    assertEquals("f3a1c0de5eed4b1a9e0c2d7b8a6f4e21", sample.getHostId());
    assertEquals("1b7a9c3e-2f4d-4e8a-9b6c-0d1e2f3a4b5c", sample.getBootId());
    assertEquals("db-01", sample.getHostname());
    assertEquals(24684084L * 1024, sample.getMemTotalBytes());
    assertEquals(53, sample.getMeminfo().size(), "every meminfo line");
    assertEquals(512L, sample.getMeminfo().get("HugePages_Total"));
    assertEquals(4096, sample.getPageSizeBytes());
    assertNotNull(sample.getMemoryPressure());
    assertEquals(42L, sample.getVmstat().getAllocstall());
    assertEquals(4, sample.getBuddyinfo().size());
    assertEquals(9017L, sample.getSocketMemory().getTcpMemPages());
    assertEquals(List.of(1, 4242, 5151, 6060), pids(sample), "never kthreadd");

    ProcessMemory app = process(sample, 4242);
    assertEquals("my (odd) app", app.getComm());
    assertEquals(524288L * 1024, app.getRssBytes());
    assertEquals(491520L * 1024, app.getRssAnonBytes());
    assertEquals(2048L * 1024, app.getSwapBytes());
    assertEquals(1848320L * 1024, app.getVmDataBytes());
    assertEquals(23, app.getThreads());
    assertEquals(510976L * 1024, app.getPssBytes());
    assertEquals(491520L * 1024, app.getPssAnonBytes());
    assertEquals(2048L * 1024, app.getSwapPssBytes());
    assertEquals(23, app.getFdCount());
    assertEquals("/system.slice/app.service", app.getCgroupPath());
    assertNull(app.getContainerId());

    CgroupMemory service = cgroup(sample, "/system.slice/app.service");
    assertEquals(1, service.getCgroupVersion());
    assertEquals(1073741824L, service.getLimitBytes());
    assertEquals(600000000L - 40000000L, service.getWorkingSetBytes());
    assertEquals(3L, service.getOomKillEvents());
    assertNull(cgroup(sample, "/").getLimitBytes(), "v1 'unlimited' is reported as no limit");
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void readsDockerAndPodmanContainersAndBoundsTheirCommandLines() {
    HostMemorySample sample = sampleOf(RecordedHosts.KERNEL_6_1_HYBRID);
    ProcessMemory java = process(sample, 5151);
    assertEquals(
        "3f4e5d6c7b8a99887766554433221100ffeeddccbbaa00112233445566778899", java.getContainerId());
    assertNull(java.getPodUid());
    assertEquals(512, java.getCmdline().length());
    assertTrue(java.getCmdline().startsWith("java -Xmx1g -XX:+UseG1GC -cp /app/lib/"));
    assertEquals(2147483648L, cgroup(sample, java.getCgroupPath()).getLimitBytes());
    ProcessMemory redis = process(sample, 6060);
    assertEquals("redis-server *:6379", redis.getCmdline());
    assertTrue(redis.getContainerId().startsWith("a1b2c3d4"));
  }

  @Test
  void readsOldKernelWithoutPsiMemAvailableSmapsRollupOrRssBreakdown() {
    HostSampler sampler = samplerOf(RecordedHosts.KERNEL_3_10);
    HostMemorySample sample = sampler.sample(NOW_MS);
    assertNull(sample.getMemoryPressure());
    assertTrue(sample.getMemAvailableBytes() > sample.getMemFreeBytes());
    assertEquals(31500L, sample.getVmstat().getPgscanKswapd(), "summed over zones");
    assertEquals(3L, sample.getVmstat().getAllocstall());
    assertEquals(38L, sample.getSocketMemory().getTcpInuse());
    ProcessMemory app = process(sample, 4242);
    assertNull(app.getRssAnonBytes());
    assertNull(app.getPssBytes());
    assertEquals(524288L * 1024, app.getRssBytes());
    assertEquals(7, app.getFdCount());
    assertEquals(23, app.getThreads());
    assertEquals("/system.slice/app.service", app.getCgroupPath());
    assertNull(cgroup(sample, "/system.slice/app.service").getFileDirtyBytes());
    assertEquals(Map.of(), errors.snapshot(), "what a kernel lacks is no error");
    assertEquals(2, sampler.missingData().size(), sampler.missingData().toString());
  }

  @Test
  void readsKubernetesNodeOnCgroupV2WithPsiPerContainer() {
    HostMemorySample sample = sampleOf(RecordedHosts.KERNEL_5_15_CGROUP_V2);
    assertEquals(List.of(1, 3100, 4242, 5300), pids(sample));
    ProcessMemory app = process(sample, 4242);
    assertEquals(JAVA_CONTAINER, app.getContainerId());
    assertEquals("1f2e3d4c-5b6a-7980-1a2b-3c4d5e6f7a8b", app.getPodUid());
    assertEquals(589824L * 1024, app.getPssAnonBytes());
    CgroupMemory container = cgroup(sample, app.getCgroupPath());
    assertEquals(2, container.getCgroupVersion());
    assertEquals(805306368L, container.getLimitBytes());
    assertEquals(700000000L - 60000000L, container.getWorkingSetBytes());
    assertEquals(1L, container.getOomKillEvents());
    assertEquals(1742L, container.getHighEvents());
    assertEquals(2.71, container.getMemoryPressure().getSomeAvg10Pct());
    ProcessMemory nginx = process(sample, 5300);
    assertEquals("9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", nginx.getPodUid());
    assertEquals(1024L * 1024, nginx.getPssShmemBytes());
    assertNull(process(sample, 3100).getPodUid(), "the kubelet runs in no pod");
    assertNull(cgroup(sample, "/init.scope").getLimitBytes(), "memory.max 'max' means no limit");
    assertEquals(0.84, sample.getMemoryPressure().getSomeAvg10Pct());
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void samplesHostWithoutPsiAndCountsProcessesThatVanishedOrWereCutShort() {
    HostSampler sampler = samplerOf(RecordedHosts.KERNEL_4_18_ARM64_NO_PSI);
    HostMemorySample sample = sampler.sample(NOW_MS);
    assertNull(sample.getMemoryPressure());
    assertEquals(65536, sample.getPageSizeBytes());
    assertEquals(3L, sample.getSocketMemory().getTcpMemPages(), "in 64 KiB pages");
    assertEquals(61234L, sample.getVmstat().getWorkingsetRefault());
    assertEquals(List.of(1, 700, 3300, 4400), pids(sample), "not 5500-5800");
    assertEquals(
        Map.of(ReadErrors.VANISHED, 1L, ReadErrors.MALFORMED, 2L),
        errors.snapshot(),
        "5500 vanished, 5700 and 5800 cut short; the zombie 5600 is no error");

    ProcessMemory java = process(sample, 3300);
    assertEquals("c0ffee00".repeat(8), java.getContainerId());
    assertNull(java.getPssAnonBytes(), "Pss_Anon came with 5.8");
    assertEquals(2600000L * 1024, java.getPssBytes());
    assertEquals(95, java.getFdCount());
    assertEquals(1048576L, cgroup(sample, java.getCgroupPath()).getSwapBytes());
    ProcessMemory gunicorn = process(sample, 4400);
    assertEquals("4b1e5f2a-9c3d-4e7f-a812-3b5c7d9e1f20", gunicorn.getPodUid());
    assertEquals("python3 -m gunicorn app:wsgi --workers 2", gunicorn.getCmdline());
    assertEquals(1, sampler.missingData().size(), "PSI only: " + sampler.missingData());
  }

  @Test
  void saysWhatIsMissingOnceHoweverManySamples() {
    HostSampler sampler = samplerOf(RecordedHosts.KERNEL_3_10);
    for (int i = 0; i < 3; i++) {
      sampler.sample(NOW_MS + i * 10_000L);
    }
    List<String> said = sampler.missingData();
    assertEquals(2, said.size(), said.toString());
    assertTrue(said.stream().anyMatch(s -> s.contains("pressure") && s.contains("psi=1")));
    assertTrue(said.stream().anyMatch(s -> s.contains("smaps_rollup") && s.contains("4.14")));
  }

  @Test
  void readsTheExpensiveFilesOfSelectedProcessesOnly() {
    HostMemorySample sample =
        new HostSampler(
                HostPaths.under(RecordedHosts.root(RecordedHosts.KERNEL_6_1_HYBRID)),
                new ProcessSelection(Long.MAX_VALUE, 1),
                errors)
            .sample(NOW_MS);
    assertEquals(List.of(5151), pids(sample), "the largest only");
    assertEquals(
        List.of("/system.slice/docker-" + process(sample, 5151).getContainerId() + ".scope"),
        sample.getCgroups().stream().map(CgroupMemory::getPath).toList(),
        "the cgroups of the sampled processes only");
  }

  @Test
  void samplesThisMachineIncludingItself() {
    HostMemorySample sample =
        new HostSampler(HostPaths.live(), ProcessSelection.defaults(), errors)
            .sample(System.currentTimeMillis());
    long self = ProcessHandle.current().pid();
    ProcessMemory me =
        sample.getProcesses().stream()
            .filter(p -> p.getPid() == self)
            .findFirst()
            .orElseThrow(() -> new AssertionError("the test JVM is among the largest processes"));
    assertTrue(me.getRssBytes() > 16L * 1024 * 1024);
    assertTrue(me.getThreads() > 1);
    assertTrue(me.getFdCount() > 0);
    assertTrue(me.getCmdline().contains("java") || me.getCmdline().contains("surefire"));
    assertTrue(sample.getMemTotalBytes() > 0);
    assertEquals(sample.getMemTotalBytes(), sample.getMeminfo().get("MemTotal"));
    assertTrue(sample.getBuddyinfo().size() > 0);
  }
}
