package io.aiops.sinks.router;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * The consume loop of a sink, on its own thread: poll one topic, hand each record to the handler,
 * wait for the dead letters, then commit (at-least-once; the stores' idempotent keys make replays
 * harmless). A record the registry cannot decode yet is retried after a pause. Between polls it
 * runs the sink's housekeeping every so often, on the same thread as the writes.
 */
final class SinkLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkLoop.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration REGISTRY_RETRY = Duration.ofSeconds(2);

  /** Work done between polls: at the start, then at most once per {@code every}. */
  record Housekeeping(Runnable task, Duration every) {}

  private final String topic;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaProducer<byte[], byte[]> producer;
  private final StoringRecordHandler<?> handler;
  private final Optional<Housekeeping> housekeeping;
  private final Thread thread;
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile boolean running = true;
  private boolean started;
  private boolean closed;
  private long housekeptAtNanos;

  SinkLoop(
      String threadName,
      String topic,
      KafkaConsumer<byte[], byte[]> consumer,
      KafkaProducer<byte[], byte[]> producer,
      StoringRecordHandler<?> handler,
      Optional<Housekeeping> housekeeping) {
    this.topic = topic;
    this.consumer = consumer;
    this.producer = producer;
    this.handler = handler;
    this.housekeeping = housekeeping;
    this.thread = new Thread(this::run, threadName);
    // A thread inherits daemon status from its creator; the sink must keep the JVM alive.
    thread.setDaemon(false);
  }

  synchronized void start() {
    if (started || closed) {
      throw new IllegalStateException(thread.getName() + " already started or closed");
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
      consumer.subscribe(List.of(topic));
      keepHouse();
      while (running) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        if (!records.isEmpty()) {
          process(records);
        }
        if (housekeeping.isPresent()
            && System.nanoTime() - housekeptAtNanos >= housekeeping.get().every().toNanos()) {
          keepHouse();
        }
      }
    } catch (WakeupException e) {
      // close() was called
    } catch (RuntimeException e) {
      LOG.error(
          "{} stopped; uncommitted records will be read again on restart", thread.getName(), e);
    } finally {
      try {
        consumer.close();
      } finally {
        producer.close();
      }
    }
  }

  private void keepHouse() {
    if (housekeeping.isEmpty()) {
      return;
    }
    housekeptAtNanos = System.nanoTime();
    try {
      housekeeping.get().task().run();
    } catch (RuntimeException e) {
      LOG.warn("{} housekeeping failed; trying again later", thread.getName(), e);
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
