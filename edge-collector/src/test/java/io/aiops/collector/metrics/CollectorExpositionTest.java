package io.aiops.collector.metrics;

import static io.aiops.collector.metrics.ExpositionFormat.assertSeries;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.delivery.DeliveryStats;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectorExpositionTest {
  private static final DeliveryStats DELIVERY = new DeliveryStats(118, 7, 2, 3, 65_536);

  @Test
  void everyCounterAppearsWithItsValue() {
    CollectorMetrics metrics = new CollectorMetrics();
    metrics.recordSample(20_000_000, 212);
    metrics.recordSample(30_000_000, 215);
    metrics.recordFailedRound(10_000_000);
    metrics.recordOomKill();

    Map<String, Double> samples =
        ExpositionFormat.parse(
            CollectorExposition.render(
                metrics.snapshot(),
                DELIVERY,
                Map.of("vanished", 4L, "permission_denied", 9L),
                "0.1.0"));

    assertSeries(samples, "aiops_collector_up", 1);
    assertSeries(samples, "aiops_collector_samples_total", 2);
    assertSeries(samples, "aiops_collector_sampling_failures_total", 1);
    assertSeries(samples, "aiops_collector_collection_duration_seconds_count", 3);
    assertSeries(samples, "aiops_collector_collection_duration_seconds_sum", 0.06);
    assertSeries(samples, "aiops_collector_last_collection_duration_seconds", 0.01);
    assertSeries(samples, "aiops_collector_processes_sampled", 215);
    assertSeries(samples, "aiops_collector_oom_kills_total", 1);
    assertSeries(samples, "aiops_collector_samples_sent_total", 118);
    assertSeries(samples, "aiops_collector_records_spooled_total", 7);
    assertSeries(samples, "aiops_collector_records_dropped_total", 2);
    assertSeries(samples, "aiops_collector_records_pending", 3);
    assertSeries(samples, "aiops_collector_spool_bytes", 65_536);
    assertSeries(samples, "aiops_collector_read_errors_total{kind=\"vanished\"}", 4);
    assertSeries(samples, "aiops_collector_read_errors_total{kind=\"permission_denied\"}", 9);
  }

  @Test
  void everyReadErrorKindHasASeriesBeforeItsFirstError() {
    Map<String, Double> samples =
        ExpositionFormat.parse(
            CollectorExposition.render(
                new CollectorMetrics().snapshot(),
                new DeliveryStats(0, 0, 0, 0, 0),
                Map.of(),
                "0.1.0"));

    for (String kind : new String[] {"vanished", "permission_denied", "malformed", "io"}) {
      assertSeries(samples, "aiops_collector_read_errors_total{kind=\"" + kind + "\"}", 0);
    }
  }

  @Test
  void buildInfoCarriesTheVersionAsALabel() {
    Map<String, Double> samples =
        ExpositionFormat.parse(
            CollectorExposition.render(
                new CollectorMetrics().snapshot(), DELIVERY, Map.of(), "9.9.9-\"quoted\""));

    String buildInfo =
        samples.keySet().stream()
            .filter(k -> k.startsWith("aiops_collector_build_info{"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        buildInfo.startsWith(
            "aiops_collector_build_info{version=\"9.9.9-\\\"quoted\\\"\",java_version=\""),
        buildInfo);
  }
}
