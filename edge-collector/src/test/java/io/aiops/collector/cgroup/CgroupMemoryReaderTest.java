package io.aiops.collector.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.aiops.collector.RecordedHosts;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.CgroupMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupMemoryReaderTest {
  private static final String KUBEPODS_JAVA =
      "/kubepods.slice/kubepods-burstable.slice/"
          + "kubepods-burstable-pod1f2e3d4c_5b6a_7980_1a2b_3c4d5e6f7a8b.slice/"
          + "cri-containerd-e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.scope";

  private final ReadErrors errors = new ReadErrors();

  private CgroupMemory recorded(String tree, String path, int version) {
    return recorded(tree, new CgroupMembership(path, version));
  }

  private CgroupMemory recorded(String tree, CgroupMembership membership) {
    return new CgroupMemoryReader(RecordedHosts.root(tree).resolve("sys/fs/cgroup"), errors)
        .read(membership);
  }

  @Test
  void readsV2StatHighEventsAndPressure() {
    CgroupMemory c = recorded(RecordedHosts.KERNEL_5_15_CGROUP_V2, KUBEPODS_JAVA, 2);
    assertEquals(700000000L, c.getUsageBytes());
    assertEquals(805306368L, c.getLimitBytes());
    assertEquals(724774912L, c.getHighBytes());
    assertEquals(500000000L, c.getActiveAnonBytes());
    assertEquals(100000000L, c.getInactiveAnonBytes());
    assertEquals(30000000L, c.getActiveFileBytes());
    assertEquals(20000000L, c.getFileMappedBytes());
    assertEquals(1048576L, c.getFileDirtyBytes());
    assertEquals(262144L, c.getWritebackBytes());
    assertEquals(1742L, c.getHighEvents());
    assertEquals(12L, c.getMaxEvents());
    assertEquals(1L, c.getOomKillEvents());
    assertEquals(2.71, c.getMemoryPressure().getSomeAvg10Pct());
    assertEquals(4567890L, c.getMemoryPressure().getFullTotalUs());
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void readsMaxAsNoHighLimit() {
    CgroupMemory kubelet =
        recorded(RecordedHosts.KERNEL_5_15_CGROUP_V2, "/system.slice/kubelet.service", 2);
    assertNull(kubelet.getHighBytes());
    assertNull(kubelet.getLimitBytes());
  }

  @Test
  void readsV1TotalsWithDirtyAndWritebackSince4_2() {
    CgroupMemory c = recorded(RecordedHosts.KERNEL_6_1_HYBRID, "/system.slice/app.service", 1);
    assertEquals(500000000L, c.getActiveAnonBytes());
    assertEquals(20000000L, c.getInactiveAnonBytes());
    assertEquals(20000000L, c.getActiveFileBytes());
    assertEquals(12000000L, c.getFileMappedBytes());
    assertEquals(12288L, c.getFileDirtyBytes());
    assertEquals(4096L, c.getWritebackBytes());
    assertEquals(17L, c.getMaxEvents(), "memory.failcnt: times usage hit the limit");
    assertEquals(3L, c.getOomKillEvents());
    assertNull(c.getHighBytes(), "v1 has no memory.high");
    assertNull(c.getMemoryPressure(), "v1 has no per-cgroup PSI, and no unified path was given");
  }

  @Test
  void readsAHybridHostsPressureFromTheUnifiedHierarchy() {
    CgroupMemory c =
        recorded(
            RecordedHosts.KERNEL_6_1_HYBRID,
            CgroupMembership.parse(
                "10:memory:/system.slice/app.service\n"
                    + "1:name=systemd:/system.slice/app.service\n"
                    + "0::/system.slice/app.service\n"));
    assertEquals(1, c.getCgroupVersion(), "limits and memory.stat still come from v1");
    assertEquals(17L, c.getMaxEvents());
    assertEquals(1.52, c.getMemoryPressure().getSomeAvg10Pct());
    assertEquals(987654L, c.getMemoryPressure().getFullTotalUs());
    assertEquals(Map.of(), errors.snapshot());
  }

  @Test
  void leavesAHybridCgroupWithoutAPressureFileNull() {
    CgroupMemory root =
        recorded(RecordedHosts.KERNEL_6_1_HYBRID, new CgroupMembership("/", 1, "/"));
    assertNull(root.getMemoryPressure(), "the unified root has no memory.pressure");
    assertEquals(Map.of(), errors.snapshot(), "a missing file is not an error");
  }

  @Test
  void parsesTheMemoryControllersV1PathAndTheUnifiedOneOnAHybridHost() {
    assertEquals(
        new CgroupMembership("/system.slice/app.service", 1, "/system.slice/app.service"),
        CgroupMembership.parse(
            "11:pids:/system.slice/app.service\n"
                + "10:memory:/system.slice/app.service\n"
                + "0::/system.slice/app.service\n"));
    assertEquals(
        new CgroupMembership("/system.slice/app.service", 1, null),
        CgroupMembership.parse(
            "3:memory:/system.slice/app.service\n1:name=systemd:/system.slice/app.service\n"),
        "a pure v1 host has no unified line");
    assertEquals(
        new CgroupMembership("/user.slice", 2, null), CgroupMembership.parse("0::/user.slice\n"));
  }

  @Test
  void readsTheRootV1CgroupWithItsDescendantsTotals() {
    CgroupMemory root = recorded(RecordedHosts.KERNEL_6_1_HYBRID, "/", 1);
    assertEquals(2000000000L, root.getAnonBytes());
    assertNull(root.getLimitBytes(), "v1 'unlimited' is no limit");
  }

  @Test
  void leavesWhat3_10DoesNotCountNull() {
    CgroupMemory c = recorded(RecordedHosts.KERNEL_3_10, "/system.slice/app.service", 1);
    assertEquals(12000000L, c.getFileMappedBytes());
    assertNull(c.getFileDirtyBytes());
    assertNull(c.getWritebackBytes());
    assertNull(c.getShmemBytes());
    assertNull(c.getOomKillEvents(), "oom_kill in memory.oom_control came with 4.13");
  }

  @Test
  void readsA64KiBPageHostsUnlimitedAsNoLimit() {
    CgroupMemory root = recorded(RecordedHosts.KERNEL_4_18_ARM64_NO_PSI, "/", 1);
    assertNull(root.getLimitBytes());
  }

  @Test
  void countsMalformedLinesAndKeepsTheRest(@TempDir Path cgroupRoot) throws IOException {
    Path dir = Files.createDirectories(cgroupRoot.resolve("app.slice"));
    Files.writeString(cgroupRoot.resolve("cgroup.controllers"), "memory\n");
    Files.writeString(dir.resolve("memory.current"), "1000\n");
    Files.writeString(dir.resolve("memory.max"), "12x\n");
    Files.writeString(dir.resolve("memory.stat"), "anon 600\nfile\nactive_anon x\ninactive_file 1");
    Files.writeString(dir.resolve("memory.pressure"), "some avg10=0.00 avg60=0.0");
    CgroupMemory c =
        new CgroupMemoryReader(cgroupRoot, errors).read(new CgroupMembership("/app.slice", 2));
    assertNotNull(c);
    assertEquals(600L, c.getAnonBytes());
    assertNull(c.getLimitBytes());
    assertNull(c.getActiveAnonBytes());
    assertNull(c.getMemoryPressure());
    assertEquals(Map.of(ReadErrors.MALFORMED, 4L), errors.snapshot());
  }
}
