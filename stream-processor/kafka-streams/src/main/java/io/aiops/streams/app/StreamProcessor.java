package io.aiops.streams.app;

import io.aiops.detection.series.SeriesDetector;
import io.aiops.schemas.topic.MemoryTopics;
import io.aiops.streams.topology.DetectionSettings;
import io.aiops.streams.topology.DetectionTopology;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the detection topology: wires, starts, and closes; nothing else. */
public final class StreamProcessor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamProcessor.class);

  private final KafkaStreams streams;
  private final DetectionSettings detection;
  private final CountDownLatch running = new CountDownLatch(1);

  public StreamProcessor(
      MemoryTopics topics, DetectionSettings detection, StreamsSettings settings) {
    this.detection = detection;
    this.streams =
        new KafkaStreams(DetectionTopology.build(topics, detection), settings.toProperties());
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
          if (now == KafkaStreams.State.ERROR) {
            LOG.error("stream processor stopped in ERROR state");
          }
        });
  }

  public void start() {
    streams.start();
  }

  /** Waits until the processor has joined the group and runs; false on timeout. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /**
   * What this instance's state store holds for a process series (interactive query): the series
   * detector as of the samples processed so far; empty when this instance has no such series.
   */
  public Optional<SeriesDetector> seriesDetector(String seriesId) {
    ReadOnlyKeyValueStore<String, byte[]> store =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                DetectionTopology.SERIES_STORE, QueryableStoreTypes.keyValueStore()));
    byte[] stored = store.get(seriesId);
    return stored == null
        ? Optional.empty()
        : Optional.of(DetectionTopology.seriesDetectorOf(stored, detection));
  }

  /**
   * Closes and leaves the consumer group. Kafka Streams stays in the group by default so that a
   * rolling bounce avoids a rebalance, but then the next start waits out the old member's session
   * timeout (45 s) before it gets its partitions back.
   */
  @Override
  public void close() {
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(15)));
  }
}
