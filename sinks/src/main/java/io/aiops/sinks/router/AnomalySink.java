package io.aiops.sinks.router;

import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.registry.SchemaRegistryClient;
import io.aiops.schemas.topic.MemoryTopics;
import io.aiops.schemas.topic.TopicNames;
import io.aiops.sinks.store.AnomalyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes memory.anomalies.v1, writes each anomaly to the store and hands it to a listener (the
 * CLI prints it); a record that cannot be decoded goes to memory.dlq.v1 with DeadLetterHeaders
 * (stage "sinks.anomaly-store") and consumption goes on. Offsets committed after the store write
 * (at-least-once; the store's idempotent key makes replays harmless).
 */
public final class AnomalySink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AnomalySink.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration REGISTRY_RETRY = Duration.ofSeconds(2);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaProducer<byte[], byte[]> producer;
  private final AnomalyRecordHandler handler;
  private final Thread thread = new Thread(this::run, "anomaly-sink");
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile boolean running = true;
  private boolean started;
  private boolean closed;

  public AnomalySink(
      String bootstrapServers,
      SchemaRegistryClient registry,
      String groupId,
      AnomalyStore store,
      Consumer<MemoryAnomaly> listener) {
    this.consumer = SinkClients.consumer(bootstrapServers, groupId);
    this.producer = SinkClients.deadLetterProducer(bootstrapServers, groupId);
    var decoder = MemoryTopics.using(registry).anomalies().valueSerde().deserializer();
    this.handler = new AnomalyRecordHandler(decoder, store, listener, producer);
    // A thread inherits daemon status from its creator; the sink must keep the JVM alive.
    thread.setDaemon(false);
  }

  /** Starts consuming on the thread "anomaly-sink". */
  public synchronized void start() {
    if (started || closed) {
      throw new IllegalStateException("anomaly sink already started or closed");
    }
    started = true;
    thread.start();
  }

  /** Stops the loop, closes consumer and producer, waits for the thread. */
  @Override
  public void close() {
    boolean wasStarted;
    synchronized (this) {
      if (!started && !closed) {
        consumer.close();
        producer.close();
      }
      closed = true;
      running = false;
      wasStarted = started;
    }
    closing.countDown();
    if (wasStarted) {
      consumer.wakeup();
    }
    // From the listener (on the sink thread itself) the loop just ends after this batch.
    if (wasStarted && Thread.currentThread() != thread) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    try {
      consumer.subscribe(List.of(TopicNames.ANOMALIES));
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        if (!records.isEmpty()) {
          process(records);
        }
      }
    } catch (WakeupException e) {
      // close() was called
    } catch (RuntimeException e) {
      LOG.error("anomaly sink stopped; uncommitted records will be read again on restart", e);
    } finally {
      try {
        consumer.close();
      } finally {
        producer.close();
      }
    }
  }

  private void process(ConsumerRecords<byte[], byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    boolean retry = false;
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
        if (!handler.handle(record)) {
          consumer.seek(partition, record.offset());
          retry = true;
          break;
        }
        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
      }
    }
    handler.awaitDeadLetters();
    commit(done);
    if (retry) {
      try {
        closing.await(REGISTRY_RETRY.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(offsets);
    } catch (WakeupException e) {
      // close() interrupted the commit; the wakeup is spent, so finish it before stopping.
      consumer.commitSync(offsets, Duration.ofSeconds(5));
      throw e;
    } catch (CommitFailedException | RebalanceInProgressException | TimeoutException e) {
      LOG.warn("offset commit failed, records will be read again (harmless): {}", e.getMessage());
    }
  }
}
