package io.aiops.streams.topology;

import io.aiops.detection.series.SeriesDetector;
import io.aiops.schemas.topic.MemoryTopics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The per-process detection topology: samples in, trends and anomalies out, undecodable records to
 * the dead-letter topic. Samples are keyed by host, so each host's series live in one task and need
 * no repartition.
 */
public final class DetectionTopology {
  public static final String SERIES_STORE = "process-series";
  public static final String HOST_INDEX_STORE = "host-series-index";
  static final String SOURCE = "samples-source";
  static final String PROCESSOR = "process-series-tracker";
  static final String TRENDS_SINK = "trends-sink";
  static final String ANOMALIES_SINK = "anomalies-sink";
  static final String DLQ_SINK = "dlq-sink";

  private DetectionTopology() {}

  /**
   * The series detector in a value of the {@link #SERIES_STORE} store (read by interactive
   * queries); throws IllegalArgumentException when the bytes are not a series' state.
   */
  public static SeriesDetector seriesDetectorOf(byte[] stored, DetectionSettings settings) {
    return SeriesState.fromBytes(stored, settings.detector()).detector;
  }

  /** Builds the topology; no I/O happens until it is started. */
  public static Topology build(MemoryTopics topics, DetectionSettings settings) {
    Topology topology = new Topology();
    String samples = topics.samples().name();
    topology.addSource(
        SOURCE, Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer(), samples);
    topology.addProcessor(
        PROCESSOR,
        () ->
            new HostSampleProcessor(
                topics.samples().valueSerde().deserializer(), settings, samples),
        SOURCE);
    topology.addStateStore(
        // Cached: a series' state (up to 14 KB) is written to RocksDB and its changelog once per
        // commit interval, not at every sample that arrives within it (a replay, a burst).
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SERIES_STORE), Serdes.String(), Serdes.ByteArray())
            .withCachingEnabled(),
        PROCESSOR);
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(HOST_INDEX_STORE), Serdes.String(), Serdes.ByteArray()),
        PROCESSOR);
    topology.addSink(
        TRENDS_SINK,
        topics.trends().name(),
        Serdes.String().serializer(),
        topics.trends().valueSerde().serializer(),
        PROCESSOR);
    topology.addSink(
        ANOMALIES_SINK,
        topics.anomalies().name(),
        Serdes.String().serializer(),
        topics.anomalies().valueSerde().serializer(),
        PROCESSOR);
    topology.addSink(
        DLQ_SINK,
        topics.deadLetters().name(),
        Serdes.String().serializer(),
        Serdes.ByteArray().serializer(),
        PROCESSOR);
    return topology;
  }
}
