package io.aiops.sinks.router;

import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.registry.SchemaRegistryException;
import io.aiops.schemas.topic.DeadLetterHeaders;
import io.aiops.schemas.topic.TopicNames;
import io.aiops.sinks.store.AnomalyStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the sink does with one consumed record: decode it, store it and tell the listener, or send
 * the original bytes to the dead-letter topic when they cannot be decoded.
 */
final class AnomalyRecordHandler {
  static final String STAGE = "sinks.anomaly-store";
  private static final Logger LOG = LoggerFactory.getLogger(AnomalyRecordHandler.class);

  private final Deserializer<MemoryAnomaly> decoder;
  private final AnomalyStore store;
  private final Consumer<MemoryAnomaly> listener;
  private final Producer<byte[], byte[]> deadLetters;
  private final List<Future<RecordMetadata>> deadLettersInFlight = new ArrayList<>();

  AnomalyRecordHandler(
      Deserializer<MemoryAnomaly> decoder,
      AnomalyStore store,
      Consumer<MemoryAnomaly> listener,
      Producer<byte[], byte[]> deadLetters) {
    this.decoder = decoder;
    this.store = store;
    this.listener = listener;
    this.deadLetters = deadLetters;
  }

  /**
   * Deals with the record (stored, or dead-lettered) and returns true; returns false when the
   * schema registry could not be reached, so the record must be retried rather than dead-lettered.
   * A failing store write propagates: nothing after it may be committed.
   */
  boolean handle(ConsumerRecord<byte[], byte[]> record) {
    MemoryAnomaly anomaly;
    try {
      anomaly = decoder.deserialize(record.topic(), record.headers(), record.value());
    } catch (SerializationException e) {
      if (registryUnreachable(e)) {
        LOG.warn(
            "cannot decode {}-{}@{} yet: {}",
            record.topic(),
            record.partition(),
            record.offset(),
            e.getMessage());
        return false;
      }
      deadLetter(record, e.getMessage() == null ? e.toString() : e.getMessage());
      return true;
    }
    if (anomaly == null) {
      deadLetter(record, "null value where a MemoryAnomaly was expected");
      return true;
    }
    store.put(anomaly);
    try {
      listener.accept(anomaly);
    } catch (RuntimeException e) {
      LOG.warn("anomaly listener failed on {}; going on", anomaly.getAnomalyId(), e);
    }
    return true;
  }

  /** Waits until every dead letter sent so far is acknowledged; throws if one was not. */
  void awaitDeadLetters() {
    try {
      for (Future<RecordMetadata> sent : deadLettersInFlight) {
        sent.get();
      }
    } catch (ExecutionException e) {
      throw new KafkaException("cannot write to " + TopicNames.DLQ, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while writing to " + TopicNames.DLQ, e);
    } finally {
      deadLettersInFlight.clear();
    }
  }

  private void deadLetter(ConsumerRecord<byte[], byte[]> record, String reason) {
    LOG.warn(
        "sending {}-{}@{} to {}: {}",
        record.topic(),
        record.partition(),
        record.offset(),
        TopicNames.DLQ,
        reason);
    var headers =
        DeadLetterHeaders.of(STAGE, reason, record.topic(), record.partition(), record.offset());
    deadLettersInFlight.add(
        deadLetters.send(
            new ProducerRecord<>(TopicNames.DLQ, null, record.key(), record.value(), headers)));
  }

  // A registry that is down is not a bad record: dead-lettering would empty the topic into the DLQ.
  private static boolean registryUnreachable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SchemaRegistryException
          && (cause.getCause() instanceof IOException
              || cause.getCause() instanceof InterruptedException)) {
        return true;
      }
    }
    return false;
  }
}
