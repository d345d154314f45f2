package io.aiops.infra.registry;

import io.aiops.schemas.topic.TopicNames;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry's durable state: the compacted `_schemas` topic, read once and appended to. */
final class SchemaLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaLog.class);
  private static final String TOPIC = TopicNames.SCHEMAS;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String bootstrapServers;
  private KafkaProducer<String, String> producer;

  SchemaLog(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** Creates `_schemas` when it is missing (a registry pointed at a bare cluster). */
  void ensureTopic() {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      if (admin.listTopics().names().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).contains(TOPIC)) {
        return;
      }
      NewTopic topic =
          new NewTopic(TOPIC, Optional.of(1), Optional.empty())
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(topic)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create " + TOPIC + ": " + e.getCause(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + TOPIC, e);
    }
  }

  /**
   * Hands every registration on the topic, from the beginning to its current end, to {@code sink}.
   */
  void replay(Consumer<SchemaRecord> sink) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.CLIENT_ID_CONFIG,
            "aiops-schema-registry-reader");
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = partitions(consumer);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      int count = 0;
      while (!reached(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + TOPIC + " to its end in time");
        }
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          decode(record).ifPresent(sink);
          count++;
        }
      }
      LOG.debug("Replayed {} records of {}", count, TOPIC);
    }
  }

  /** Appends one registration and returns once every in-sync replica has it. */
  void append(SchemaRecord record) {
    try {
      producer()
          .send(new ProducerRecord<>(TOPIC, 0, record.keyJson(), record.valueJson()))
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new RegistryError(
          RegistryError.STORE_ERROR, "Error while registering schema: cannot write to " + TOPIC, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryError(RegistryError.STORE_ERROR, "Interrupted while registering schema", e);
    }
  }

  @Override
  public synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }

  private synchronized KafkaProducer<String, String> producer() {
    if (producer == null) {
      Map<String, Object> config =
          Map.of(
              ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
              bootstrapServers,
              ProducerConfig.ACKS_CONFIG,
              "all",
              ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
              true,
              ProducerConfig.MAX_BLOCK_MS_CONFIG,
              10_000,
              ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
              10_000,
              ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
              20_000,
              ProducerConfig.CLIENT_ID_CONFIG,
              "aiops-schema-registry-writer");
      producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
    return producer;
  }

  private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
    // Right after creation the topic may not be in the metadata yet.
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      List<PartitionInfo> infos = consumer.partitionsFor(TOPIC, TIMEOUT);
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("topic " + TOPIC + " has no partitions");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading " + TOPIC, e);
      }
    }
  }

  private static boolean reached(
      KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
      if (consumer.position(partition.getKey(), TIMEOUT) < partition.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static Optional<SchemaRecord> decode(ConsumerRecord<String, String> record) {
    try {
      return SchemaRecord.parse(record.key(), record.value());
    } catch (IOException e) {
      // A foreign or damaged record must not keep the registry from starting.
      LOG.warn("Skipping unreadable record at {} offset {}", TOPIC, record.offset());
      return Optional.empty();
    }
  }
}
