package io.aiops.cli.snapshot;

import io.aiops.collector.host.HostPaths;
import io.aiops.collector.host.HostSampler;
import io.aiops.collector.host.ProcessSelection;
import io.aiops.collector.procfs.MalformedSmapsException;
import io.aiops.collector.procfs.MappingKind;
import io.aiops.collector.procfs.MappingTotals;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.collector.procfs.SmapsReader;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.ProcessMemory;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Takes a {@link MemorySnapshot} of a host: the collector's own sample of every process (stat,
 * status, smaps_rollup, cmdline), then the full smaps of the selected ones summed by region kind.
 * smaps walks every page table entry, so it is read only for processes at or above the RSS floor or
 * among the top N.
 */
final class HostMemorySnapshot {
  static final String PERMISSION_DENIED = "permission_denied";
  static final String VANISHED = "vanished";
  static final String NO_SMAPS = "no_smaps";
  static final String MALFORMED = "malformed";

  private final HostPaths paths;
  private final ProcessSelection regionsSelection;
  private final HostSampler everyProcess;
  private final Consumer<String> notice;
  private final AtomicInteger regionsToRead = new AtomicInteger();
  private final AtomicInteger regionsRead = new AtomicInteger();
  private boolean deniedSaid;

  /** {@code notice} hears, once, what this user could not read. */
  HostMemorySnapshot(HostPaths paths, ProcessSelection regionsSelection, Consumer<String> notice) {
    this.paths = paths;
    this.regionsSelection = regionsSelection;
    this.everyProcess =
        new HostSampler(paths, new ProcessSelection(0, Integer.MAX_VALUE), new ReadErrors());
    this.notice = notice;
  }

  MemorySnapshot take(long timestampMs) {
    HostMemorySample sample = everyProcess.sample(timestampMs);
    // The sampler gives the largest RSS first, the order the selection ranks by.
    List<ProcessMemory> processes = sample.getProcesses();
    int selected = 0;
    for (int rank = 0; rank < processes.size(); rank++) {
      if (regionsSelection.keeps(rank, processes.get(rank).getRssBytes())) {
        selected++;
      }
    }
    regionsToRead.set(selected);
    List<SnapshotProcess> snapshot = new ArrayList<>(processes.size());
    for (int rank = 0; rank < processes.size(); rank++) {
      ProcessMemory p = processes.get(rank);
      Map<MappingKind, MappingTotals> regions = null;
      String missing = SnapshotProcess.NOT_SELECTED;
      if (regionsSelection.keeps(rank, p.getRssBytes())) {
        Path dir = paths.procRoot().resolve(Integer.toString(p.getPid()));
        try {
          regions = regions(dir.resolve("smaps"));
          missing = null;
        } catch (AccessDeniedException e) {
          missing = PERMISSION_DENIED;
          sayDenied();
        } catch (NoSuchFileException e) {
          missing = Files.isDirectory(dir) ? NO_SMAPS : VANISHED;
        } catch (MalformedSmapsException e) {
          missing = MALFORMED;
        } catch (IOException e) {
          missing = Files.isDirectory(dir) ? "io: " + e.getMessage() : VANISHED;
        }
        regionsRead.incrementAndGet();
      }
      snapshot.add(
          new SnapshotProcess(
              p.getPid(),
              p.getStartTimeTicks(),
              p.getComm(),
              p.getCmdline() == null ? "" : p.getCmdline(),
              p.getRssBytes(),
              p.getRssAnonBytes(),
              p.getRssFileBytes(),
              p.getRssShmemBytes(),
              p.getPssBytes(),
              p.getSwapBytes(),
              regions,
              missing));
    }
    return new MemorySnapshot(
        MemorySnapshot.FORMAT_VERSION,
        timestampMs,
        sample.getHostId(),
        sample.getBootId(),
        sample.getHostname(),
        sample.getPageSizeBytes(),
        regionsSelection.rssFloorBytes(),
        regionsSelection.topN(),
        new LinkedHashMap<>(sample.getMeminfo()),
        snapshot);
  }

  /** What the progress line says while smaps are read. */
  String status() {
    return "reading smaps: " + regionsRead.get() + " of " + regionsToRead.get() + " processes";
  }

  private static Map<MappingKind, MappingTotals> regions(Path smaps) throws IOException {
    Map<MappingKind, MappingTotals> byKind = new EnumMap<>(MappingKind.class);
    SmapsReader.read(
        smaps, m -> byKind.merge(m.kind(), MappingTotals.NONE.plus(m), MappingTotals::plus));
    return byKind;
  }

  private void sayDenied() {
    if (!deniedSaid) {
      deniedSaid = true;
      notice.accept(
          "smaps of other users' processes needs root or CAP_SYS_PTRACE, and processes of an outer user"
              + " namespace refuse even those: their regions are null"
              + " (regions_missing \"permission_denied\")");
    }
  }
}
