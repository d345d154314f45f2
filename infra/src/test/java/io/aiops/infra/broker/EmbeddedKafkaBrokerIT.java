package io.aiops.infra.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerIT {
  @TempDir Path dataDir;

  @Test
  void deliversProducedRecordsToAConsumerInOrderAndCreatesNoTopicImplicitly() throws Exception {
    try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dataDir, 0, 0)) {
      broker.start();
      createTopic(broker, "round-trip", 2);

      produce(broker, "round-trip", "host-a", List.of("first", "second", "third"));

      assertEquals(List.of("first", "second", "third"), consume(broker, "round-trip", 3));
      try (Admin admin = admin(broker)) {
        assertFalse(
            topicNames(admin).contains("never-created"), "precondition: the topic is absent");
      }
      Map<String, Object> impatient = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
      assertThrows(
          Exception.class, () -> produce(broker, "never-created", "k", List.of("v"), impatient));
      try (Admin admin = admin(broker)) {
        assertFalse(topicNames(admin).contains("never-created"), "auto-creation is off");
      }
    }
  }

  @Test
  void keepsTopicsAndRecordsWhenRestartedOnTheSameDirectory() throws Exception {
    EmbeddedKafkaBroker first = new EmbeddedKafkaBroker(dataDir, 0, 0);
    try (first) {
      first.start();
      createTopic(first, "kept", 3);
      produce(first, "kept", "host-a", List.of("a1", "a2"));
      produce(first, "kept", "host-b", List.of("b1"));
    }
    first.close(); // idempotent

    try (EmbeddedKafkaBroker second = new EmbeddedKafkaBroker(dataDir, 0, 0)) {
      second.start();
      try (Admin admin = admin(second)) {
        assertTrue(topicNames(admin).contains("kept"));
        assertEquals(
            3,
            admin
                .describeTopics(List.of("kept"))
                .allTopicNames()
                .get()
                .get("kept")
                .partitions()
                .size());
      }
      List<String> values = consume(second, "kept", 3);
      assertEquals(Set.of("a1", "a2", "b1"), Set.copyOf(values));
      assertTrue(values.indexOf("a1") < values.indexOf("a2"), "one key keeps its order");
    }
  }

  private static Admin admin(EmbeddedKafkaBroker broker) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  private static Set<String> topicNames(Admin admin) throws Exception {
    return admin.listTopics().names().get(10, TimeUnit.SECONDS);
  }

  private static void createTopic(EmbeddedKafkaBroker broker, String topic, int partitions)
      throws Exception {
    try (Admin admin = admin(broker)) {
      admin
          .createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
          .all()
          .get(10, TimeUnit.SECONDS);
    }
  }

  private static void produce(
      EmbeddedKafkaBroker broker, String topic, String key, List<String> values)
      throws ExecutionException, InterruptedException {
    produce(broker, topic, key, values, Map.of());
  }

  private static void produce(
      EmbeddedKafkaBroker broker,
      String topic,
      String key,
      List<String> values,
      Map<String, Object> overrides)
      throws ExecutionException, InterruptedException {
    Map<String, Object> config = new java.util.HashMap<>(overrides);
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      for (String value : values) {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
      }
    }
  }

  private static List<String> consume(EmbeddedKafkaBroker broker, String topic, int expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "reader-" + topic,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          values.add(record.value());
        }
      }
      // Nothing beyond what was produced.
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
        values.add(record.value());
      }
    }
    return values;
  }
}
