package io.aiops.sinks.router;

import io.aiops.schemas.registry.SchemaRegistryException;
import io.aiops.schemas.topic.DeadLetterHeaders;
import io.aiops.schemas.topic.TopicNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
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
 * What a sink does with one consumed record: decode it, store it and tell the listener, or send the
 * original bytes to the dead-letter topic with the reason when they cannot be decoded or the
 * decoded value is malformed.
 *
 * @param <T> the topic's value type
 */
final class StoringRecordHandler<T> {
  private static final Logger LOG = LoggerFactory.getLogger(StoringRecordHandler.class);

  /** What the handler does with a value, and how it judges one. */
  record Storing<T>(
      String stage,
      String valueType,
      Function<T, Optional<String>> problem,
      Consumer<T> store,
      Consumer<T> listener) {}

  private final Deserializer<T> decoder;
  private final Storing<T> storing;
  private final Producer<byte[], byte[]> deadLetters;
  private final List<Future<RecordMetadata>> deadLettersInFlight = new ArrayList<>();

  StoringRecordHandler(
      Deserializer<T> decoder, Storing<T> storing, Producer<byte[], byte[]> deadLetters) {
    this.decoder = decoder;
    this.storing = storing;
    this.deadLetters = deadLetters;
  }

  /**
   * Deals with the record (stored, or dead-lettered) and returns true; returns false when the
   * schema registry could not be reached, so the record must be retried rather than dead-lettered.
   * A failing store write propagates: nothing after it may be committed.
   */
  boolean handle(ConsumerRecord<byte[], byte[]> record) {
    T value;
    try {
      value = decoder.deserialize(record.topic(), record.headers(), record.value());
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
    if (value == null) {
      deadLetter(record, "null value where a " + storing.valueType() + " was expected");
      return true;
    }
    Optional<String> problem = storing.problem().apply(value);
    if (problem.isPresent()) {
      deadLetter(record, "malformed " + storing.valueType() + ": " + problem.get());
      return true;
    }
    storing.store().accept(value);
    try {
      storing.listener().accept(value);
    } catch (RuntimeException e) {
      LOG.warn(
          "{} listener failed on {}-{}@{}; going on",
          storing.valueType(),
          record.topic(),
          record.partition(),
          record.offset(),
          e);
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
        DeadLetterHeaders.of(
            storing.stage(), reason, record.topic(), record.partition(), record.offset());
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
