package io.aiops.collector.host;

import io.aiops.collector.procfs.MissingDataNotices;
import io.aiops.collector.procfs.ProcStat;
import io.aiops.collector.procfs.ProcessDetailsReader;
import io.aiops.collector.procfs.ProcessReader;
import io.aiops.collector.procfs.ProcessReading;
import io.aiops.collector.procfs.ReadErrors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples a host's processes in passes, each reading costlier files of fewer processes: stat of
 * every process, whose resident pages pick the candidates (those the selection would keep by that
 * RSS, with a margin); status of the candidates, on which the selection is made exactly as
 * configured; then the costlier files of the selected ones only. That keeps a sample of ~300
 * processes within the collector's CPU budget (1 % of a core at a 10 s interval): most processes on
 * a host are small, and for them only stat is read.
 */
final class ProcessSampler {
  private final ProcessReader reader;
  private final ProcessDetailsReader detailsReader;

  /**
   * Candidates reach this many places beyond the top N and an eighth below the floor: stat and
   * status are read moments apart, and a process at the boundary that grew in between must not be
   * lost. Eight more status files are nothing next to the ~300 stat files.
   */
  static final int EXTRA_CANDIDATES = 8;

  private final ProcessSelection selection;
  private final ProcessSelection candidates;
  private final long pageSizeBytes;

  ProcessSampler(
      Path procRoot,
      long pageSizeBytes,
      ProcessSelection selection,
      ReadErrors errors,
      MissingDataNotices notices) {
    this.pageSizeBytes = pageSizeBytes;
    this.candidates =
        new ProcessSelection(
            selection.rssFloorBytes() - selection.rssFloorBytes() / 8,
            (int) Math.min(Integer.MAX_VALUE, (long) selection.topN() + EXTRA_CANDIDATES));
    this.reader = new ProcessReader(procRoot, errors);
    this.detailsReader = new ProcessDetailsReader(procRoot, errors, notices);
    this.selection = selection;
  }

  /**
   * The selected processes, largest RSS first. One that exits between the two passes is dropped and
   * counted as vanished.
   */
  List<SampledProcess> sample(List<Integer> pids) {
    List<Candidate> all = new ArrayList<>(pids.size());
    for (int pid : pids) {
      reader.readStat(pid).ifPresent(stat -> all.add(new Candidate(pid, stat)));
    }
    List<ProcessReading> readings = new ArrayList<>();
    for (Candidate candidate : candidates.select(all, this::statRssBytes)) {
      reader.readStatus(candidate.pid(), candidate.stat()).ifPresent(readings::add);
    }
    List<ProcessReading> selected = selection.select(readings);
    List<SampledProcess> sampled = new ArrayList<>(selected.size());
    for (ProcessReading reading : selected) {
      detailsReader
          .read(reading.pid())
          .ifPresent(details -> sampled.add(new SampledProcess(reading, details)));
    }
    return sampled;
  }

  /** A stat line without its resident pages makes its process a candidate whatever its size. */
  private long statRssBytes(Candidate candidate) {
    long pages = candidate.stat().rssPages();
    return pages < 0 ? Long.MAX_VALUE : pages * pageSizeBytes;
  }

  private record Candidate(int pid, ProcStat stat) {}
}
