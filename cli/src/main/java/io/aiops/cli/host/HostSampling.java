package io.aiops.cli.host;

import io.aiops.cli.UsageException;
import io.aiops.cli.render.Progress;
import io.aiops.cli.render.Terminal;
import io.aiops.collector.procfs.Vmstat;
import io.aiops.detection.host.CounterRates;
import io.aiops.detection.host.HostRates;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * Takes the readings a diagnosis needs: one, or two an interval apart for rates. On this host the
 * second is read after waiting; a recorded tree holds its earlier vmstat in {@code vmstat.earlier}.
 */
public final class HostSampling {
  private final ProcTree tree;
  private final HostDiagnosisOptions options;
  private final Terminal terminal;
  private final PrintWriter err;

  /** Sampling {@code tree}; a wait for the second reading counts down on {@code err}. */
  public HostSampling(
      ProcTree tree, HostDiagnosisOptions options, Terminal terminal, PrintWriter err) {
    this.tree = tree;
    this.options = options;
    this.terminal = terminal;
    this.err = err;
  }

  /** One reading, no rates: for reports of states only. */
  public SampledHost once(String whyNoRates) {
    HostSnapshot now = tree.snapshot();
    return new SampledHost(
        tree.description(), tree.recorded(), now, Optional.empty(), Optional.empty(), whyNoRates);
  }

  /** Two readings and the rates between them, or one with the reason rates are unavailable. */
  public SampledHost withRates() {
    return tree.recorded() ? recorded() : live();
  }

  private SampledHost live() {
    HostSnapshot earlier = tree.snapshot();
    Duration interval = options.interval();
    try (Progress progress =
        Progress.countdown(terminal, err, "sampling " + tree.description(), interval)) {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sampling", e);
    }
    HostSnapshot later = tree.snapshot();
    return between(earlier, later);
  }

  private SampledHost recorded() {
    HostSnapshot later = tree.snapshot();
    Optional<Vmstat> earlierVmstat = tree.earlierVmstat();
    if (earlierVmstat.isEmpty()) {
      return new SampledHost(
          tree.description(),
          tree.recorded(),
          later,
          Optional.empty(),
          Optional.empty(),
          "rates unavailable: the recorded tree holds one vmstat reading (record a second one,"
              + " --interval earlier, as "
              + ProcTree.EARLIER_VMSTAT
              + ")");
    }
    if (!options.intervalGiven()) {
      throw new UsageException(
          tree.description()
              + " holds "
              + ProcTree.EARLIER_VMSTAT
              + ": give --interval, the time between it and vmstat (for example --interval 10s)");
    }
    long earlierMs = later.timestampMs() - options.interval().toMillis();
    return between(later.withVmstat(earlierVmstat.get(), earlierMs), later);
  }

  private SampledHost between(HostSnapshot earlier, HostSnapshot later) {
    Optional<HostRates> rates = new CounterRates().between(earlier.toReading(), later.toReading());
    String note = null;
    if (later.vmstat().isEmpty() || earlier.vmstat().isEmpty()) {
      note = "rates unavailable: vmstat could not be read";
      rates = Optional.empty();
    } else if (rates.isEmpty()) {
      note = "rates unavailable: counters went down between the readings (a reboot?)";
    }
    return new SampledHost(
        tree.description(), tree.recorded(), later, Optional.of(earlier), rates, note);
  }
}
