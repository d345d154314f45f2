package io.aiops.cli.detect;

import io.aiops.schemas.topic.Topic;
import io.aiops.schemas.topic.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/** Knows when the stream processor has processed a replay, and reads what it published. */
final class ReplayProgress {
  private static final Duration POLL = Duration.ofMillis(100);

  private final String bootstrapServers;

  ReplayProgress(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Waits until the application's committed offsets on the samples topic reach its end: with
   * exactly-once, everything it produced for those samples is committed too, though not yet
   * necessarily readable (see {@link #readAll}).
   */
  void awaitProcessed(String applicationId, Duration timeout) {
    Map<TopicPartition, Long> ends = new HashMap<>();
    await(
        timeout,
        "the stream processor did not process the replay within " + timeout.toMinutes() + " min",
        admin -> {
          // The replay wrote every sample before this wait began: their end is read once.
          if (ends.isEmpty()) {
            ends.putAll(endOffsets(admin, TopicNames.SAMPLES, IsolationLevel.READ_UNCOMMITTED));
          }
          Map<TopicPartition, OffsetAndMetadata> committed =
              admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
          return ends.entrySet().stream().allMatch(end -> reached(committed, end));
        });
  }

  /**
   * Every committed record of {@code topic}, partition by partition, each in offset order, once no
   * transaction is open on it: the committed offsets {@link #awaitProcessed} waits for become
   * visible when the transaction's marker reaches the offsets topic, and the markers reach the
   * output partitions separately; until they do, a committed reader's end stops short of the
   * records.
   */
  <V> List<V> readAll(Topic<String, V> topic, Duration timeout) {
    awaitNoOpenTransaction(topic.name(), timeout);
    Deserializer<V> values = topic.valueSerde().deserializer();
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "aiops-replay-reader-" + UUID.randomUUID(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    List<V> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        consumer
            .poll(POLL)
            .forEach(r -> records.add(values.deserialize(topic.name(), r.headers(), r.value())));
      }
    }
    return records;
  }

  private void awaitNoOpenTransaction(String topic, Duration timeout) {
    await(
        timeout,
        "a transaction on " + topic + " stayed open for " + timeout.toSeconds() + " s",
        admin ->
            endOffsets(admin, topic, IsolationLevel.READ_COMMITTED)
                .equals(endOffsets(admin, topic, IsolationLevel.READ_UNCOMMITTED)));
  }

  /** What the broker's admin API answers about the replay, asked again until it holds. */
  @FunctionalInterface
  private interface BrokerCondition {
    boolean holds(Admin admin) throws InterruptedException, ExecutionException;
  }

  private void await(Duration timeout, String timeoutMessage, BrokerCondition condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      while (!condition.holds(admin)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(timeoutMessage);
        }
        Thread.sleep(POLL.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the stream processor", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot follow the replay: " + e.getCause().getMessage(), e);
    }
  }

  private static boolean reached(
      Map<TopicPartition, OffsetAndMetadata> committed, Map.Entry<TopicPartition, Long> end) {
    if (end.getValue() == 0) {
      return true;
    }
    OffsetAndMetadata offset = committed.get(end.getKey());
    return offset != null && offset.offset() >= end.getValue();
  }

  private static Map<TopicPartition, Long> endOffsets(
      Admin admin, String topic, IsolationLevel isolation)
      throws InterruptedException, ExecutionException {
    List<TopicPartition> partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    Map<TopicPartition, OffsetSpec> latest =
        partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
        admin.listOffsets(latest, new ListOffsetsOptions(isolation)).all().get();
    return offsets.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }
}
