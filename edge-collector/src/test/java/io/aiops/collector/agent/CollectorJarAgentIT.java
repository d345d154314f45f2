package io.aiops.collector.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.metrics.ExpositionFormat;
import io.aiops.infra.stack.LocalStack;
import io.aiops.infra.testing.EmbeddedStackExtension;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.registry.CachedSchemaRegistryClient;
import io.aiops.schemas.topic.MemoryTopics;
import io.aiops.schemas.topic.TopicNames;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone jar as a fleet runs it: the agent against a real broker and registry, with the
 * class-data archive built from the committed class list as the systemd unit builds it.
 */
@ExtendWith(EmbeddedStackExtension.class)
class CollectorJarAgentIT {
  @TempDir Path logs;

  @Test
  void publishesSamplesTheRegistryCanDecodeServesMetricsAndStopsOnSigterm(LocalStack stack)
      throws Exception {
    int metricsPort;
    try (ServerSocket free = new ServerSocket(0)) {
      metricsPort = free.getLocalPort();
    }
    Path archive = CollectorJar.buildArchive(logs);
    assertTrue(Files.isRegularFile(archive), Files.readString(logs.resolve("archive.log")));
    Path classLoads = logs.resolve("class-load.log");
    Process agent =
        CollectorJar.command(
                logs,
                // -Xshare:on: refuse to start rather than run without the archive.
                List.of(
                    "-XX:SharedArchiveFile=" + archive,
                    "-Xshare:on",
                    "-Xlog:class+load=info:file=" + classLoads),
                "--bootstrap-servers",
                stack.bootstrapServers(),
                "--schema-registry-url",
                stack.schemaRegistryUrl(),
                "--interval",
                "1s",
                "--metrics-port",
                Integer.toString(metricsPort),
                "--spool-dir",
                logs.resolve("spool").toString())
            .start();
    try {
      Map<String, Double> metrics = awaitSent(metricsPort, 2, agent);
      assertEquals(0, ExpositionFormat.value(metrics, "aiops_collector_records_dropped_total"));

      HostMemorySample sample = readOneSample(stack);
      assertTrue(sample.getMemTotalBytes() > 0);
      assertTrue(!sample.getProcesses().isEmpty());
    } finally {
      agent.destroy();
    }
    assertTrue(agent.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the agent");
    String stderr = CollectorJar.stderr(logs);
    assertTrue(stderr.contains("stopping: handing over the last records"), stderr);
    assertTheArchiveHeldWhatTheAgentLoaded(classLoads);
  }

  /**
   * Classes read from the jar or the JDK's modules instead of the archive are missing from the
   * committed class list: a few are (those of rare paths), many mean it no longer fits the jar.
   */
  private static void assertTheArchiveHeldWhatTheAgentLoaded(Path classLoads) throws IOException {
    long shared = 0;
    List<String> missing = new ArrayList<>();
    for (String line : Files.readAllLines(classLoads)) {
      if (line.contains("source: shared objects file")) {
        shared++;
      } else if (line.contains("source: jar:") || line.contains("source: jrt:")) {
        missing.add(line.replaceAll(".*\\] (\\S+) source.*", "$1"));
      }
    }
    double share = missing.size() / (double) (shared + missing.size());
    System.out.printf(
        "CollectorJarAgentIT: %d classes from the archive, %d (%.1f %%) read from the jar or the"
            + " JDK%n",
        shared, missing.size(), 100 * share);
    assertTrue(
        share <= 0.03,
        missing.size()
            + " classes not in the class list (regenerate it with"
            + " infra/bench/collector-classlist.sh): "
            + missing.subList(0, Math.min(20, missing.size())));
  }

  private static Map<String, Double> awaitSent(int port, int records, Process agent)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      assertTrue(agent.isAlive(), "the agent ended early");
      try {
        Map<String, Double> metrics =
            ExpositionFormat.parse(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        if (ExpositionFormat.value(metrics, "aiops_collector_samples_sent_total") >= records) {
          return metrics;
        }
      } catch (ConnectException e) {
        // not listening yet: the JVM is starting
      }
      assertTrue(System.nanoTime() < deadline, "no " + records + " samples sent within 60 s");
      Thread.sleep(200);
    }
  }

  private static HostMemorySample readOneSample(LocalStack stack) {
    MemoryTopics topics =
        MemoryTopics.using(CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl()));
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "collector-jar-it",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, HostMemorySample> consumer =
        new KafkaConsumer<>(
            config, new StringDeserializer(), topics.samples().valueSerde().deserializer())) {
      consumer.subscribe(List.of(TopicNames.SAMPLES));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, HostMemorySample> record :
            consumer.poll(Duration.ofMillis(200))) {
          assertEquals(record.value().getHostId(), record.key(), "keyed by host_id");
          return record.value();
        }
      }
    }
    throw new AssertionError("no sample on " + TopicNames.SAMPLES + " within 30 s");
  }
}
