package io.aiops.sinks.router;

import static org.junit.jupiter.api.Assertions.fail;

import io.aiops.infra.stack.LocalStack;
import io.aiops.schemas.topic.Topic;
import io.aiops.schemas.topic.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What the sink ITs do on the embedded stack: produce, read the DLQ, wait for a condition. */
final class SinkTopics {
  static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final TopicPartition DLQ = new TopicPartition(TopicNames.DLQ, 0);

  private SinkTopics() {}

  /** Sends the values to {@code topic}, each keyed as {@code key} says, and waits for the acks. */
  @SafeVarargs
  static <V> void produce(
      LocalStack stack, Topic<String, V> topic, Function<V, String> key, V... values)
      throws Exception {
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer())) {
      for (V value : values) {
        producer.send(new ProducerRecord<>(topic.name(), key.apply(value), value)).get();
      }
    }
  }

  static void produceRaw(LocalStack stack, String topic, byte[] key, byte[] value)
      throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  static long dlqEndOffset(LocalStack stack) {
    try (KafkaConsumer<byte[], byte[]> consumer = dlqReader(stack)) {
      return consumer.endOffsets(List.of(DLQ)).get(DLQ);
    }
  }

  /** The dead letters from offset {@code from} to the end. */
  static List<ConsumerRecord<byte[], byte[]>> readDlq(LocalStack stack, long from) {
    try (KafkaConsumer<byte[], byte[]> consumer = dlqReader(stack)) {
      long end = consumer.endOffsets(List.of(DLQ)).get(DLQ);
      consumer.seek(DLQ, from);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (consumer.position(DLQ) < end && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  private static KafkaConsumer<byte[], byte[]> dlqReader(LocalStack stack) {
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    consumer.assign(List.of(DLQ));
    return consumer;
  }
}
