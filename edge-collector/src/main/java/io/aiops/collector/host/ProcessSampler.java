package io.aiops.collector.host;

import io.aiops.collector.procfs.MissingDataNotices;
import io.aiops.collector.procfs.ProcessDetailsReader;
import io.aiops.collector.procfs.ProcessReader;
import io.aiops.collector.procfs.ProcessReading;
import io.aiops.collector.procfs.ReadErrors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples a host's processes in two passes: stat and status of every process, the selection on
 * those, then the costlier files of the selected ones only. That keeps a sample of ~300 processes
 * within the collector's CPU budget (1 % of a core at a 10 s interval).
 */
final class ProcessSampler {
  private final ProcessReader reader;
  private final ProcessDetailsReader detailsReader;
  private final ProcessSelection selection;

  ProcessSampler(
      Path procRoot, ProcessSelection selection, ReadErrors errors, MissingDataNotices notices) {
    this.reader = new ProcessReader(procRoot, errors);
    this.detailsReader = new ProcessDetailsReader(procRoot, errors, notices);
    this.selection = selection;
  }

  /**
   * The selected processes, largest RSS first. One that exits between the two passes is dropped and
   * counted as vanished.
   */
  List<SampledProcess> sample(List<Integer> pids) {
    List<ProcessReading> readings = new ArrayList<>(pids.size());
    for (int pid : pids) {
      reader.read(pid).ifPresent(readings::add);
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
}
