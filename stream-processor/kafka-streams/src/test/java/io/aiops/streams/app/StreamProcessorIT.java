package io.aiops.streams.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.infra.stack.LocalStack;
import io.aiops.infra.testing.EmbeddedStackExtension;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.ProcessMemory;
import io.aiops.schemas.registry.CachedSchemaRegistryClient;
import io.aiops.schemas.topic.DeadLetterHeaders;
import io.aiops.schemas.topic.MemoryTopics;
import io.aiops.schemas.topic.TopicNames;
import io.aiops.streams.topology.DetectionSettings;
import io.aiops.streams.topology.DetectionTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The topology on a real broker, exactly-once: what only a broker shows. */
@ExtendWith(EmbeddedStackExtension.class)
class StreamProcessorIT {
  private static final long START_MS = 1_767_225_600_000L;

  @Test
  void deadLettersAnUndecodableSampleAndKeepsProcessingTheRest(LocalStack stack) throws Exception {
    // Samples from 2026-01-01: a slow run would otherwise lose them to retention.
    stack.keepEveryRecord();
    MemoryTopics topics =
        MemoryTopics.using(CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl()));
    Path state = Files.createTempDirectory("streams-it-");
    try (StreamProcessor processor =
        new StreamProcessor(
            topics,
            DetectionSettings.defaults(),
            StreamsSettings.of(stack.bootstrapServers(), state))) {
      processor.start();
      assertTrue(processor.awaitRunning(Duration.ofSeconds(60)), "RUNNING");

      var sampleSerializer = topics.samples().valueSerde().serializer();
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(
              Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
              new ByteArraySerializer(),
              new ByteArraySerializer())) {
        byte[] key = "host-it".getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(TopicNames.SAMPLES, key, "garbage".getBytes())).get();
        for (int minute = 0; minute <= 10; minute++) {
          long t = START_MS + minute * 60_000L;
          byte[] value = sampleSerializer.serialize(TopicNames.SAMPLES, sample(t));
          producer.send(new ProducerRecord<>(TopicNames.SAMPLES, null, t, key, value)).get();
        }
      }

      List<ConsumerRecord<byte[], byte[]>> dead = read(stack, TopicNames.DLQ, 1);
      assertEquals(1, dead.size(), "exactly the garbage record is dead-lettered");
      assertEquals("garbage", new String(dead.get(0).value(), StandardCharsets.UTF_8));
      assertEquals(
          "streams.decode", DeadLetterHeaders.read(dead.get(0).headers(), DeadLetterHeaders.STAGE));
      assertEquals(
          TopicNames.SAMPLES,
          DeadLetterHeaders.read(dead.get(0).headers(), DeadLetterHeaders.SOURCE_TOPIC));

      // Minutes 0..10 close the windows starting at 0 and 5 minutes.
      List<ConsumerRecord<byte[], byte[]>> trends = read(stack, TopicNames.TRENDS, 2);
      assertEquals(2, trends.size(), "two closed five-minute windows");

      // Set on the topic itself, so that it holds on a broker whose default is 1 GiB.
      ConfigEntry segmentBytes = changelogConfig(stack, TopicConfig.SEGMENT_BYTES_CONFIG);
      assertEquals(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG, segmentBytes.source());
      assertEquals(Integer.toString(StreamsSettings.CHANGELOG_SEGMENT_BYTES), segmentBytes.value());
    }
  }

  private static ConfigEntry changelogConfig(LocalStack stack, String name) throws Exception {
    ConfigResource changelog =
        new ConfigResource(
            ConfigResource.Type.TOPIC,
            StreamsSettings.DEFAULT_APPLICATION_ID
                + "-"
                + DetectionTopology.SERIES_STORE
                + "-changelog");
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
      Config config = admin.describeConfigs(List.of(changelog)).all().get().get(changelog);
      return config.get(name);
    }
  }

  private static HostMemorySample sample(long t) {
    return HostMemorySample.newBuilder()
        .setHostId("host-it")
        .setBootId("boot-it")
        .setTimestampMs(t)
        .setMemTotalBytes(8L << 30)
        .setMemFreeBytes(4L << 30)
        .setMemAvailableBytes(6L << 30)
        .setSwapTotalBytes(0)
        .setSwapFreeBytes(0)
        .setProcesses(
            List.of(
                ProcessMemory.newBuilder()
                    .setPid(7)
                    .setStartTimeTicks(70)
                    .setComm("app")
                    .setRssBytes(300L << 20)
                    .build()))
        .build();
  }

  /** Reads committed records until {@code expected} arrived and 2 s pass quietly after. */
  private static List<ConsumerRecord<byte[], byte[]>> read(
      LocalStack stack, String topic, int expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "streams-it-" + topic,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed");
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, quietUntil)) {
        var batch = consumer.poll(Duration.ofMillis(200));
        batch.forEach(records::add);
        if (records.size() >= expected && quietUntil == Long.MAX_VALUE) {
          quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        }
      }
    }
    return records;
  }
}
