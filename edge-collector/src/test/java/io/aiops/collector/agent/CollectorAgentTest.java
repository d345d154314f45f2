package io.aiops.collector.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.config.SamplingSettings;
import io.aiops.collector.host.HostPaths;
import io.aiops.collector.host.ProcessSelection;
import io.aiops.collector.metrics.ExpositionFormat;
import io.aiops.schemas.memory.OomKillEvent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorAgentTest {
  private static final Duration FAST = Duration.ofMillis(100);
  private static final MetricsEndpoint ANY_FREE_PORT = new MetricsEndpoint("127.0.0.1", 0);
  private static final SamplingSettings THIS_HOST =
      new SamplingSettings(HostPaths.live(), ProcessSelection.defaults());

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void samplesThisHostAtTheIntervalAndServesItsCountersOverHttp() throws Exception {
    RecordingDelivery delivery = new RecordingDelivery();
    try (CollectorAgent agent = CollectorAgent.start(THIS_HOST, FAST, ANY_FREE_PORT, delivery)) {
      awaitTrue(() -> delivery.samples.size() >= 3);

      HttpResponse<String> response = get(agent.metricsPort(), "/metrics", "GET");

      assertEquals(200, response.statusCode());
      assertEquals(
          "text/plain; version=0.0.4; charset=utf-8",
          response.headers().firstValue("Content-Type").orElseThrow());
      Map<String, Double> samples = ExpositionFormat.parse(response.body());
      double taken = ExpositionFormat.value(samples, "aiops_collector_samples_total");
      assertTrue(taken >= 3, "samples taken " + taken);
      assertTrue(ExpositionFormat.value(samples, "aiops_collector_samples_sent_total") >= 3);
      assertTrue(ExpositionFormat.value(samples, "aiops_collector_processes_sampled") > 0);
      assertTrue(
          ExpositionFormat.value(samples, "aiops_collector_collection_duration_seconds_sum") > 0);
      assertTrue(
          ExpositionFormat.value(samples, "aiops_collector_collection_duration_seconds_count")
              >= taken);
      assertEquals(0, ExpositionFormat.value(samples, "aiops_collector_sampling_failures_total"));
      assertFalse(delivery.samples.get(0).getProcesses().isEmpty(), "this machine has processes");
    }
    assertTrue(delivery.closed, "the agent closes the delivery it was given");
  }

  @Test
  void anOomKillIsHandedToTheDeliveryAndCounted() throws Exception {
    RecordingDelivery delivery = new RecordingDelivery();
    try (CollectorAgent agent =
        CollectorAgent.start(THIS_HOST, Duration.ofHours(1), ANY_FREE_PORT, delivery)) {
      OomKillEvent kill =
          OomKillEvent.newBuilder()
              .setHostId("h")
              .setTimestampMs(1)
              .setPid(4242)
              .setProcess("java")
              .build();
      agent.publishOomKill(kill);

      assertEquals(java.util.List.of(kill), delivery.oomEvents);
      Map<String, Double> samples = ExpositionFormat.parse(agent.exposition());
      assertEquals(1, ExpositionFormat.value(samples, "aiops_collector_oom_kills_total"));
    }
  }

  @Test
  void countsAFailedRoundAndKeepsSampling(@TempDir Path root) throws Exception {
    Path proc = Files.createDirectories(root.resolve("proc"));
    Path meminfo = Files.copy(Path.of("/proc/meminfo"), proc.resolve("meminfo"));
    SamplingSettings recorded =
        new SamplingSettings(HostPaths.under(root), ProcessSelection.defaults());
    RecordingDelivery delivery = new RecordingDelivery();
    try (CollectorAgent agent = CollectorAgent.start(recorded, FAST, null, delivery)) {
      awaitTrue(() -> delivery.samples.size() >= 1);
      Files.move(meminfo, root.resolve("meminfo.away"));
      awaitTrue(() -> failures(agent) >= 2);
      Files.move(root.resolve("meminfo.away"), meminfo);
      int before = delivery.samples.size();
      awaitTrue(() -> delivery.samples.size() > before);
    }
  }

  @Test
  void onlyGetAndHeadOfMetricsAreServed() throws Exception {
    try (CollectorAgent agent =
        CollectorAgent.start(
            THIS_HOST, Duration.ofHours(1), ANY_FREE_PORT, new RecordingDelivery())) {
      assertEquals(404, get(agent.metricsPort(), "/", "GET").statusCode());
      assertEquals(404, get(agent.metricsPort(), "/metricsx", "GET").statusCode());
      assertEquals(405, get(agent.metricsPort(), "/metrics", "POST").statusCode());
      HttpResponse<String> head = get(agent.metricsPort(), "/metrics", "HEAD");
      assertEquals(200, head.statusCode());
      assertEquals("", head.body());
    }
  }

  @Test
  void theMetricsPortIsClosedAfterTheAgentStops() throws Exception {
    int port;
    try (CollectorAgent agent =
        CollectorAgent.start(
            THIS_HOST, Duration.ofHours(1), ANY_FREE_PORT, new RecordingDelivery())) {
      port = agent.metricsPort();
    }
    assertThrows(ConnectException.class, () -> get(port, "/metrics", "GET"));
  }

  @Test
  void aTakenMetricsPortIsOneLineThatNamesTheOptionAndTheDeliveryIsClosed() throws Exception {
    try (CollectorAgent first =
        CollectorAgent.start(
            THIS_HOST, Duration.ofHours(1), ANY_FREE_PORT, new RecordingDelivery())) {
      RecordingDelivery second = new RecordingDelivery();
      IllegalStateException e =
          assertThrows(
              IllegalStateException.class,
              () ->
                  CollectorAgent.start(
                      THIS_HOST,
                      Duration.ofHours(1),
                      new MetricsEndpoint("127.0.0.1", first.metricsPort()),
                      second));
      assertTrue(e.getMessage().contains("--metrics-port"), e.getMessage());
      assertTrue(second.closed);
    }
  }

  @Test
  void noEndpointWhenNoneIsAsked() {
    try (CollectorAgent agent =
        CollectorAgent.start(THIS_HOST, Duration.ofHours(1), null, new RecordingDelivery())) {
      assertEquals(-1, agent.metricsPort());
    }
  }

  private static double failures(CollectorAgent agent) {
    return ExpositionFormat.value(
        ExpositionFormat.parse(agent.exposition()), "aiops_collector_sampling_failures_total");
  }

  private HttpResponse<String> get(int port, String path, String method)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(5))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < deadline, "condition not met within 20 s");
      Thread.sleep(20);
    }
  }
}
