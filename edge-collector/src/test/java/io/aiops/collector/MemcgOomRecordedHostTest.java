package io.aiops.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.host.HostPaths;
import io.aiops.collector.host.HostSampler;
import io.aiops.collector.host.ProcessSelection;
import io.aiops.collector.kmsg.KernelClock;
import io.aiops.collector.kmsg.OomKill;
import io.aiops.collector.kmsg.OomKillLog;
import io.aiops.collector.kmsg.OomTask;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.CgroupMemory;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.ProcessMemory;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The host recorded right after a real memcg OOM kill: what the kernel log says of the kill agrees
 * with what /proc and the cgroup files say of the host after it.
 */
class MemcgOomRecordedHostTest {
  private static final long KIB = 1024;
  private final Path root = RecordedHosts.root(RecordedHosts.KERNEL_6_18_MEMCG_OOM);

  private List<OomKill> kills() throws IOException {
    try (BufferedReader log =
        Files.newBufferedReader(root.resolve("dev/kmsg"), StandardCharsets.UTF_8)) {
      return OomKillLog.parse(log, KernelClock.withoutBootTime());
    }
  }

  private HostMemorySample sample() {
    return new HostSampler(HostPaths.under(root), new ProcessSelection(0, 50), new ReadErrors())
        .sample(1_795_000_000_000L);
  }

  @Test
  void theKernelLogHoldsOneMemcgKillOfTheLeakingProcess() throws IOException {
    List<OomKill> kills = kills();

    assertEquals(1, kills.size(), kills.toString());
    OomKill kill = kills.get(0);
    assertEquals(RecordedHosts.OOM_VICTIM, kill.pid());
    assertEquals("python3", kill.process());
    assertEquals(OomKill.CONSTRAINT_MEMCG, kill.constraint());
    assertEquals(RecordedHosts.OOM_MEMCG, kill.memcg());
    assertEquals(RecordedHosts.OOM_MEMCG, kill.taskMemcg());
    assertEquals(97792L, kill.anonRssKb());
    assertEquals(6616L, kill.fileRssKb());
    assertEquals(96L * 1024, kill.memcgLimitKb());
    assertEquals(18337.800979, kill.uptimeSeconds(), 1e-6);
    // The task table in the order the kernel printed it: by pid.
    assertEquals(List.of("sleep", "python3"), kill.tasks().stream().map(OomTask::name).toList());
  }

  @Test
  void theHostAfterwardsAgreesWithTheLog() throws IOException {
    OomKill kill = kills().get(0);
    HostMemorySample sample = sample();

    List<Integer> pids = sample.getProcesses().stream().map(ProcessMemory::getPid).toList();
    assertFalse(pids.contains(kill.pid()), "the victim is gone: " + pids);
    assertTrue(pids.contains(RecordedHosts.OOM_BYSTANDER), pids.toString());
    ProcessMemory bystander =
        sample.getProcesses().stream()
            .filter(p -> p.getPid() == RecordedHosts.OOM_BYSTANDER)
            .findFirst()
            .orElseThrow();
    assertEquals(kill.memcg(), bystander.getCgroupPath());

    CgroupMemory cgroup =
        sample.getCgroups().stream()
            .filter(c -> c.getPath().equals(kill.memcg()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no cgroup " + kill.memcg()));
    assertEquals(kill.memcgLimitKb() * KIB, cgroup.getLimitBytes());
    assertEquals(1L, cgroup.getOomKillEvents(), "memory.oom_control counts the one kill");
    assertTrue(cgroup.getMaxEvents() > 0, "memory.failcnt: the limit was hit");
    // vmstat.earlier was read as the leak began, vmstat after the kill.
    assertEquals(1L, sample.getVmstat().getOomKill() - earlierOomKills());
  }

  private long earlierOomKills() throws IOException {
    return Files.readAllLines(root.resolve("proc/vmstat.earlier")).stream()
        .filter(l -> l.startsWith("oom_kill "))
        .mapToLong(l -> Long.parseLong(l.substring("oom_kill ".length()).trim()))
        .findFirst()
        .orElseThrow();
  }
}
