package io.aiops.cli.up;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.collector.simulate.SimulatedHost;
import io.aiops.collector.simulate.SimulatedProcess;
import io.aiops.schemas.memory.AnomalyType;
import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.registry.CachedSchemaRegistryClient;
import io.aiops.schemas.topic.MemoryTopics;
import io.aiops.sinks.store.TrendRetention;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end: embedded broker and registry, stream processor, sinks, this
 * machine's collector and a simulated fleet with injected leaks, all in one JVM.
 */
class FleetLeakDetectionIT {
  private static final int HOSTS = 8;
  private static final Duration STEP = Duration.ofSeconds(60);
  // 60 s of simulated time every 3 ms: 40 simulated hours in about 7 s of wall time.
  private static final double TIME_SCALE = 20_000;
  private static final Duration SIMULATED_SPAN = Duration.ofHours(40);

  @TempDir Path dataDir;

  @Test
  void reportsEveryLeakingSimulatedProcessAndNoStableOne() throws Exception {
    UpSettings settings =
        new UpSettings(
            dataDir,
            0,
            0,
            0,
            0,
            HOSTS,
            STEP,
            TIME_SCALE,
            Duration.ofSeconds(1),
            42L,
            TrendRetention.DEFAULT);
    ConcurrentLinkedQueue<MemoryAnomaly> printed = new ConcurrentLinkedQueue<>();
    try (LocalPipeline pipeline = LocalPipeline.start(settings, printed::add)) {
      Set<String> leaking = new HashSet<>();
      Set<String> stable = new HashSet<>();
      for (SimulatedHost host : pipeline.fleet().hosts()) {
        for (SimulatedProcess p : host.processes()) {
          (p.leaking() ? leaking : stable).add(host.hostId() + "/" + p.pid());
        }
      }
      assertEquals(2, leaking.size(), "hosts 1 and 5 of 8 carry one leak each");

      long simulatedEnd = pipeline.simulationStartMs() + SIMULATED_SPAN.toMillis();
      long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (System.nanoTime() < deadline
          && (pipeline.simulatedNowMs() < simulatedEnd || !reportedAll(printed, leaking))) {
        Thread.sleep(250);
      }
      // Let the processor drain what the fleet produced last.
      Thread.sleep(2_000);

      Set<String> reported = processesIn(printed);
      assertEquals(leaking, reported, "exactly the leaking simulated processes are reported");
      for (String process : reported) {
        assertFalse(stable.contains(process), "stable process reported as leaking: " + process);
      }
      for (MemoryAnomaly anomaly : printed) {
        // Besides leaks, the topic carries the points the anomaly scorer found (GROWTH_SPIKE).
        assertTrue(
            anomaly.getAnomalyType() == AnomalyType.MEMORY_LEAK
                || anomaly.getAnomalyType() == AnomalyType.GROWTH_SPIKE,
            anomaly.toString());
        if (anomaly.getAnomalyType() == AnomalyType.MEMORY_LEAK) {
          assertTrue(anomaly.getGrowthBytesPerHour() > 0);
        }
      }

      assertEquals(reported, processesOnTopic(pipeline), "the anomalies topic holds the same");
      assertEquals(reported, processesInQueryApi(pipeline.queryApiUrl()), "and the query store");
      for (String process : leaking) {
        assertTrendsStored(pipeline.queryApiUrl(), process);
      }
    }
  }

  /** The trend sink stored the process's five-minute windows, in time order, one series. */
  private static void assertTrendsStored(String apiUrl, String hostSlashPid) throws Exception {
    String host = hostSlashPid.substring(0, hostSlashPid.indexOf('/'));
    String pid = hostSlashPid.substring(host.length() + 1);
    JsonNode listed = getJson(apiUrl + "/trends/series?host_id=" + host);
    assertTrue(listed.size() >= 2, "the host's processes are listed: " + listed.size());
    // 40 simulated hours make 480 windows. The sink trails the processor, which may trail the
    // fleet by simulated hours when the leaks are reported early: wait for it, within reason.
    String url = apiUrl + "/trends?host_id=" + host + "&pid=" + pid + "&since=0";
    JsonNode points = getJson(url);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (points.size() <= 400 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      points = getJson(url);
    }
    assertTrue(points.size() > 400, hostSlashPid + ": " + points.size() + " trend points");
    long previousEnd = Long.MIN_VALUE;
    for (JsonNode point : points) {
      assertEquals(points.get(0).get("series_id"), point.get("series_id"), "one process");
      assertEquals(
          300_000L, point.get("window_end_ms").asLong() - point.get("window_start_ms").asLong());
      assertTrue(point.get("window_end_ms").asLong() > previousEnd, "oldest first");
      previousEnd = point.get("window_end_ms").asLong();
    }
    JsonNode last = points.get(points.size() - 1);
    assertTrue(
        last.get("rss_mean_bytes").asDouble() > points.get(0).get("rss_mean_bytes").asDouble(),
        "a leaking process grew");
  }

  private static JsonNode getJson(String url) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), url);
    return new ObjectMapper().readTree(response.body());
  }

  private static boolean reportedAll(Iterable<MemoryAnomaly> anomalies, Set<String> leaking) {
    return processesIn(anomalies).containsAll(leaking);
  }

  private static Set<String> processesIn(Iterable<MemoryAnomaly> anomalies) {
    Set<String> processes = new HashSet<>();
    for (MemoryAnomaly a : anomalies) {
      if (a.getHostId().startsWith("sim-host-") && a.getAnomalyType() == AnomalyType.MEMORY_LEAK) {
        processes.add(a.getHostId() + "/" + a.getPid());
      }
    }
    return processes;
  }

  private static Set<String> processesOnTopic(LocalPipeline pipeline) {
    MemoryTopics topics =
        MemoryTopics.using(CachedSchemaRegistryClient.forUrl(pipeline.schemaRegistryUrl()));
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "fleet-it-reader",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<MemoryAnomaly> read = new ArrayList<>();
    try (KafkaConsumer<String, MemoryAnomaly> consumer =
        new KafkaConsumer<>(
            config,
            topics.anomalies().keySerde().deserializer(),
            topics.anomalies().valueSerde().deserializer())) {
      consumer.subscribe(List.of(topics.anomalies().name()));
      long quietSince = System.nanoTime();
      while (System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
        var records = consumer.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          records.forEach(r -> read.add(r.value()));
          quietSince = System.nanoTime();
        }
      }
    }
    return processesIn(read);
  }

  private static Set<String> processesInQueryApi(String apiUrl) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(apiUrl + "/anomalies?since=0")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    JsonNode array = new ObjectMapper().readTree(response.body());
    Set<String> processes = new HashSet<>();
    for (JsonNode anomaly : array) {
      String host = anomaly.get("host_id").asText();
      if (host.startsWith("sim-host-")
          && anomaly.get("anomaly_type").asText().equals("MEMORY_LEAK")) {
        processes.add(host + "/" + anomaly.get("pid").asInt());
      }
    }
    return processes;
  }
}
