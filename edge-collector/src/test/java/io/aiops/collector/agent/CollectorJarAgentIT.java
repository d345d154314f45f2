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
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
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

/** The standalone jar as a fleet runs it: the agent against a real broker and registry. */
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
    Process agent =
        CollectorJar.command(
                logs,
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
