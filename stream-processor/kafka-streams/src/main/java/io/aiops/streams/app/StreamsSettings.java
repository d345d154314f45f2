package io.aiops.streams.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The stream processor's Kafka Streams configuration: exactly-once, state under {@code stateDir},
 * with any extra client settings (TLS, SASL) passed through.
 */
public record StreamsSettings(
    String applicationId,
    String bootstrapServers,
    Path stateDir,
    int threads,
    Duration commitInterval,
    Map<String, String> passThrough) {

  public static final String DEFAULT_APPLICATION_ID = "aiops-stream-processor";

  /**
   * Segment size of the internal topics this application creates: its changelogs (the topology has
   * no repartition topic). A series' state (up to 14 KB) is rewritten at every commit it changed
   * in, and compaction only cleans closed segments: at the 1 GiB default a partition's changelog
   * grows by hundreds of megabytes of superseded states before its first clean, and a restore after
   * an unclean stop replays all of them.
   */
  static final int CHANGELOG_SEGMENT_BYTES = 64 * 1024 * 1024;

  public StreamsSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, was " + threads);
    }
    passThrough = Map.copyOf(passThrough);
  }

  public static StreamsSettings of(String bootstrapServers, Path stateDir) {
    return new StreamsSettings(
        DEFAULT_APPLICATION_ID, bootstrapServers, stateDir, 1, Duration.ofMillis(200), Map.of());
  }

  public Properties toProperties() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
    props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    props.put(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_BYTES_CONFIG), CHANGELOG_SEGMENT_BYTES);
    props.putAll(passThrough);
    return props;
  }
}
