package io.aiops.collector.delivery;

import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.topic.Topic;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes host samples keyed by host_id, so one host's samples stay in order in one partition.
 */
public final class SamplePublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SamplePublisher.class);

  private final KafkaProducer<String, HostMemorySample> producer;
  private final String topic;
  private final LongAdder sent = new LongAdder();
  private final LongAdder failed = new LongAdder();

  public SamplePublisher(
      ProducerSettings settings, Topic<String, HostMemorySample> topic, String clientId) {
    this.topic = topic.name();
    this.producer =
        new KafkaProducer<>(
            settings.toProducerConfig(clientId),
            topic.keySerde().serializer(),
            topic.valueSerde().serializer());
  }

  public void publish(HostMemorySample sample) {
    producer.send(
        new ProducerRecord<>(topic, null, sample.getTimestampMs(), sample.getHostId(), sample),
        (metadata, error) -> {
          if (error == null) {
            sent.increment();
          } else {
            failed.increment();
            LOG.warn("sample of {} not delivered: {}", sample.getHostId(), error.getMessage());
          }
        });
  }

  public long sent() {
    return sent.sum();
  }

  public long failed() {
    return failed.sum();
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
