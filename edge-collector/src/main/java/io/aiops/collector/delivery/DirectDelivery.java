package io.aiops.collector.delivery;

import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.OomKillEvent;
import io.aiops.schemas.registry.SchemaRegistryClient;
import io.aiops.schemas.topic.MemoryTopics;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends straight to Kafka with no spool: samples and OOM events keyed by host_id on their topics.
 * The producer's send can block (metadata of an unreachable broker, a full buffer), so records are
 * handed to one sender thread through a short queue; when the queue is full, or the broker rejects
 * a record, the record is lost and counted as dropped. Nothing is spooled.
 */
public final class DirectDelivery implements CollectorDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(DirectDelivery.class);

  /**
   * About ten minutes of samples at 10 s: a short broker hiccup costs nothing, a long one is
   * bounded.
   */
  static final int QUEUE_CAPACITY = 64;

  private final Producer<String, Object> producer;
  private final String samplesTopic;
  private final String oomEventsTopic;
  private final ThreadPoolExecutor sender;
  private final Duration closeTimeout;
  private final LongAdder accepted = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final LongAdder dropped = new LongAdder();

  private DirectDelivery(
      Producer<String, Object> producer, MemoryTopics topics, Duration closeTimeout) {
    this.producer = producer;
    this.samplesTopic = topics.samples().name();
    this.oomEventsTopic = topics.oomEvents().name();
    this.closeTimeout = closeTimeout;
    this.sender =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY),
            runnable -> {
              Thread thread = new Thread(runnable, "collector-sender");
              thread.setDaemon(true);
              return thread;
            },
            (rejected, executor) -> dropped.increment());
  }

  /** A producer for the samples and OOM-event topics, serialised with the registry's schema ids. */
  public static DirectDelivery open(
      ProducerSettings settings,
      SchemaRegistryClient registry,
      String clientId,
      Duration closeTimeout) {
    MemoryTopics topics = MemoryTopics.using(registry);
    Serializer<Object> values = new ValueByType(topics);
    Producer<String, Object> producer =
        new KafkaProducer<>(
            settings.toProducerConfig(clientId), topics.samples().keySerde().serializer(), values);
    return new DirectDelivery(producer, topics, closeTimeout);
  }

  @Override
  public void publish(HostMemorySample sample) {
    enqueue(
        new ProducerRecord<>(
            samplesTopic, null, sample.getTimestampMs(), sample.getHostId(), sample));
  }

  @Override
  public void publish(OomKillEvent event) {
    enqueue(
        new ProducerRecord<>(
            oomEventsTopic, null, event.getTimestampMs(), event.getHostId(), event));
  }

  private void enqueue(ProducerRecord<String, Object> record) {
    accepted.increment();
    if (sender.isShutdown()) {
      dropped.increment();
      return;
    }
    sender.execute(() -> send(record));
  }

  private void send(ProducerRecord<String, Object> record) {
    Callback acknowledged =
        (metadata, error) -> {
          if (error == null) {
            sent.increment();
          } else {
            dropped.increment();
            LOG.warn(
                "record for {} on {} not delivered: {}",
                record.key(),
                record.topic(),
                error.getMessage());
          }
        };
    try {
      producer.send(record, acknowledged);
    } catch (RuntimeException e) {
      // Serialisation (registry unreachable) or a producer closed under us: this record is lost.
      dropped.increment();
      LOG.warn("record for {} on {} not sent: {}", record.key(), record.topic(), e.getMessage());
    }
  }

  @Override
  public DeliveryStats stats() {
    long s = sent.sum();
    long d = dropped.sum();
    return new DeliveryStats(s, 0, d, Math.max(0, accepted.sum() - s - d), 0);
  }

  /** Sends what is queued, then closes the producer; both within the close timeout in total. */
  @Override
  public void close() {
    long deadline = System.nanoTime() + closeTimeout.toNanos();
    sender.shutdown();
    try {
      if (!sender.awaitTermination(closeTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
        dropped.add(sender.shutdownNow().size());
        // The record being sent fails on the interrupt and is counted before close returns.
        sender.awaitTermination(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }
}
