package io.aiops.collector.metrics;

import io.aiops.collector.delivery.DeliveryStats;
import io.aiops.collector.procfs.ReadErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The collector's self-metrics as one Prometheus scrape. */
public final class CollectorExposition {
  private CollectorExposition() {}

  public static String render(
      CollectorMetrics.Snapshot collector,
      DeliveryStats delivery,
      Map<String, Long> readErrors,
      String version) {
    PrometheusText text = new PrometheusText();
    text.metric("aiops_collector_up", "gauge", "1 while the collector runs.")
        .sample("aiops_collector_up", 1);
    Map<String, String> build = new LinkedHashMap<>();
    build.put("version", version);
    build.put("java_version", System.getProperty("java.version", "unknown"));
    text.metric(
            "aiops_collector_build_info", "gauge", "Collector version and Java runtime; always 1.")
        .sample("aiops_collector_build_info", build, 1);

    text.metric("aiops_collector_samples_total", "counter", "Host samples taken.")
        .sample("aiops_collector_samples_total", collector.samplesTaken());
    text.metric(
            "aiops_collector_sampling_failures_total",
            "counter",
            "Sampling rounds that produced no sample (e.g. /proc/meminfo unreadable).")
        .sample("aiops_collector_sampling_failures_total", collector.failedRounds());
    text.metric(
            "aiops_collector_collection_duration_seconds",
            "summary",
            "Time of one sampling round: reading /proc and cgroups and handing the sample over.")
        .sample("aiops_collector_collection_duration_seconds_sum", collector.durationSumSeconds())
        .sample("aiops_collector_collection_duration_seconds_count", collector.roundCount());
    text.metric(
            "aiops_collector_last_collection_duration_seconds",
            "gauge",
            "Time of the latest sampling round.")
        .sample(
            "aiops_collector_last_collection_duration_seconds", collector.lastDurationSeconds());
    text.metric(
            "aiops_collector_processes_sampled",
            "gauge",
            "Processes in the latest sample (those above the RSS floor plus the top N).")
        .sample("aiops_collector_processes_sampled", collector.processesSampled());
    text.metric(
            "aiops_collector_oom_kills_total", "counter", "Kernel OOM kills seen and published.")
        .sample("aiops_collector_oom_kills_total", collector.oomKills());

    text.metric("aiops_collector_samples_sent_total", "counter", "Records the broker acknowledged.")
        .sample("aiops_collector_samples_sent_total", delivery.sent());
    text.metric(
            "aiops_collector_records_spooled_total",
            "counter",
            "Records written to the on-disk spool while the broker was unreachable.")
        .sample("aiops_collector_records_spooled_total", delivery.spooled());
    text.metric(
            "aiops_collector_records_dropped_total",
            "counter",
            "Records lost: spool full (oldest first) or not deliverable.")
        .sample("aiops_collector_records_dropped_total", delivery.dropped());
    text.metric(
            "aiops_collector_records_pending",
            "gauge",
            "Records accepted but not yet acknowledged by the broker.")
        .sample("aiops_collector_records_pending", delivery.pending());
    text.metric("aiops_collector_spool_bytes", "gauge", "Bytes the spool occupies on disk.")
        .sample("aiops_collector_spool_bytes", delivery.spoolBytes());

    text.metric(
        "aiops_collector_read_errors_total",
        "counter",
        "Reads skipped, by kind: vanished (process exited mid-read), permission_denied, malformed, io.");
    for (Map.Entry<String, Long> kind : withEveryKind(readErrors).entrySet()) {
      text.sample(
          "aiops_collector_read_errors_total", Map.of("kind", kind.getKey()), kind.getValue());
    }
    return text.toString();
  }

  /** Every known kind from the start, so rate() has a series before the first error. */
  private static Map<String, Long> withEveryKind(Map<String, Long> readErrors) {
    Map<String, Long> all = new TreeMap<>(readErrors);
    for (String kind :
        new String[] {
          ReadErrors.VANISHED, ReadErrors.PERMISSION_DENIED, ReadErrors.MALFORMED, ReadErrors.IO
        }) {
      all.putIfAbsent(kind, 0L);
    }
    return all;
  }
}
