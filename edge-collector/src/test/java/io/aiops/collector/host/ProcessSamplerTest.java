package io.aiops.collector.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.aiops.collector.RecordedHosts;
import io.aiops.collector.procfs.MissingDataNotices;
import io.aiops.collector.procfs.PageSize;
import io.aiops.collector.procfs.ProcessReader;
import io.aiops.collector.procfs.ProcessReading;
import io.aiops.collector.procfs.ProcfsReader;
import io.aiops.collector.procfs.ReadErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sampler reads status only for the processes stat's resident pages make candidates; what it
 * selects must be what selecting on every process's status would select.
 */
class ProcessSamplerTest {
  private static final long MIB = 1024 * 1024;

  @ParameterizedTest
  @ValueSource(
      strings = {
        RecordedHosts.KERNEL_3_10,
        RecordedHosts.KERNEL_4_18_ARM64_NO_PSI,
        RecordedHosts.KERNEL_5_15_CGROUP_V2,
        RecordedHosts.KERNEL_5_15_SWAP_HEAVY,
        RecordedHosts.KERNEL_6_1_HYBRID,
        RecordedHosts.KERNEL_6_18_MEMCG_OOM,
        RecordedHosts.KERNEL_6_18_RECORDED_SMAPS
      })
  void selectsWhatSelectingOnEveryStatusWould(String tree) throws Exception {
    Path proc = RecordedHosts.proc(tree);
    List<Integer> pids = new ProcfsReader(proc, new ReadErrors(), MissingDataNotices.kept()).pids();
    List<ProcessReading> everyStatus = new ArrayList<>();
    ProcessReader reader = new ProcessReader(proc, new ReadErrors());
    pids.forEach(pid -> reader.read(pid).ifPresent(everyStatus::add));
    assertFalse(everyStatus.isEmpty(), tree);

    for (long floorBytes : new long[] {0, 16 * MIB, 100 * MIB, 1024 * MIB, Long.MAX_VALUE}) {
      for (int topN = 0; topN <= everyStatus.size() + 1; topN++) {
        ProcessSelection selection = new ProcessSelection(floorBytes, topN);
        ProcessSampler sampler =
            new ProcessSampler(
                proc, PageSize.of(proc), selection, new ReadErrors(), MissingDataNotices.kept());
        assertEquals(
            selection.select(everyStatus).stream().map(ProcessReading::pid).toList(),
            sampler.sample(pids).stream().map(p -> p.reading().pid()).toList(),
            tree + " floor " + floorBytes + " top " + topN);
      }
    }
  }

  @Test
  void readsNoStatusOfTheSmallProcessesStatLeavesOut(@TempDir Path proc) throws Exception {
    String status =
        Files.readString(
            RecordedHosts.proc(RecordedHosts.KERNEL_5_15_CGROUP_V2).resolve("4242/status"));
    List<Integer> pids = new ArrayList<>();
    for (int pid = 100; pid < 140; pid++) {
      Path dir = Files.createDirectories(proc.resolve(Integer.toString(pid)));
      long rssPages = pid < 103 ? 150_000 + pid : 300;
      Files.writeString(
          dir.resolve("stat"),
          pid
              + " (app) S 1 1 1 0 -1 4194560 1 0 0 0 1 1 0 0 20 0 1 0 500 9000000 "
              + rssPages
              + " 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0\n");
      // A small one's status, when read, counts as malformed.
      Files.writeString(dir.resolve("status"), pid < 103 ? status : "VmRSS: not a number\n");
      pids.add(pid);
    }
    ReadErrors errors = new ReadErrors();
    ProcessSampler sampler =
        new ProcessSampler(
            proc, 4096, new ProcessSelection(Long.MAX_VALUE, 2), errors, MissingDataNotices.kept());

    sampler.sample(pids);

    // Of the 37 small processes, only those in the candidates' margin beyond the top 2 are read.
    int smallCandidates = 2 + ProcessSampler.EXTRA_CANDIDATES - 3;
    assertEquals(
        (long) smallCandidates,
        errors.snapshot().get(ReadErrors.MALFORMED),
        errors.snapshot().toString());
  }
}
