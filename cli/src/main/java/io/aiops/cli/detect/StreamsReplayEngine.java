package io.aiops.cli.detect;

import io.aiops.detection.LeakVerdict;
import io.aiops.detection.anomaly.PointScore;
import io.aiops.detection.series.SeriesDetector;
import io.aiops.infra.stack.LocalStack;
import io.aiops.infra.stack.LocalStackSettings;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.registry.CachedSchemaRegistryClient;
import io.aiops.schemas.topic.MemoryTopics;
import io.aiops.streams.app.StreamProcessor;
import io.aiops.streams.app.StreamsSettings;
import io.aiops.streams.topology.DetectionSettings;
import io.aiops.streams.topology.PointAnomalies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The series replayed through the real thing: an embedded broker and registry in a temporary
 * directory, the stream processor's topology with the same detection settings. Each series is one
 * host's samples on {@code memory.samples.v1}; once the processor has committed them all, the
 * anomalies are read back from {@code memory.anomalies.v1} and each series' detector from the
 * processor's state store (an interactive query), where the end of the input is marked as offline
 * does: the anomaly scorer's last bucket closed and scored, the verdict on the history as it
 * stands.
 */
final class StreamsReplayEngine implements DetectionEngine {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(10);

  private final DetectionSettings settings;
  private final Path workDir;
  private final LocalStack stack;
  private final MemoryTopics topics;
  private final StreamProcessor processor;
  private int hosts;

  private StreamsReplayEngine(
      DetectionSettings settings,
      Path workDir,
      LocalStack stack,
      MemoryTopics topics,
      StreamProcessor processor) {
    this.settings = settings;
    this.workDir = workDir;
    this.stack = stack;
    this.topics = topics;
    this.processor = processor;
  }

  /** Starts a private broker, registry and stream processor; closes what started on failure. */
  static StreamsReplayEngine start(DetectionSettings settings) {
    // The private broker's and registry's start notices would read as part of the output, and so
    // would the retriable OutOfOrderSequenceException its exactly-once start-up logs (KAFKA-18202).
    // The broker is private and thrown away after the run: only its errors concern the user.
    System.setProperty("org.slf4j.simpleLogger.log.io.aiops.infra", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.kafka", "error");
    System.setProperty("org.slf4j.simpleLogger.log.kafka.server.ReplicaManager", "off");
    Path workDir = TemporaryDirectory.create("aiops-replay-");
    LocalStack stack = null;
    StreamProcessor processor = null;
    try {
      stack = LocalStack.start(LocalStackSettings.ephemeralPorts(workDir));
      stack.keepEveryRecord();
      MemoryTopics topics =
          MemoryTopics.using(CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl()));
      processor =
          new StreamProcessor(
              topics,
              settings,
              StreamsSettings.of(stack.bootstrapServers(), workDir.resolve("streams")));
      processor.start();
      if (!processor.awaitRunning(START_TIMEOUT)) {
        throw new IllegalStateException(
            "the stream processor did not start within " + START_TIMEOUT.toSeconds() + " s");
      }
      return new StreamsReplayEngine(settings, workDir, stack, topics, processor);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeAll(processor, stack, workDir);
      throw new IllegalStateException("interrupted while starting the replay", e);
    } catch (RuntimeException e) {
      closeAll(processor, stack, workDir);
      throw e;
    }
  }

  @Override
  public int batchSize() {
    return Integer.MAX_VALUE;
  }

  @Override
  public Optional<String> refuse(MemorySeries series) {
    return ReplaySamples.refuse(series);
  }

  @Override
  public List<JudgedSeries> judge(List<MemorySeries> batch) {
    List<ReplaySamples> replays = new ArrayList<>();
    for (MemorySeries series : batch) {
      replays.add(new ReplaySamples("replay-" + (++hosts), series));
    }
    publish(replays);
    ReplayProgress progress = new ReplayProgress(stack.bootstrapServers());
    progress.awaitProcessed(StreamsSettings.DEFAULT_APPLICATION_ID, REPLAY_TIMEOUT);
    Map<String, List<PointScore>> published = new HashMap<>();
    for (MemoryAnomaly anomaly : progress.readAll(topics.anomalies(), REPLAY_TIMEOUT)) {
      PointAnomalies.pointOf(anomaly)
          .ifPresent(
              point ->
                  published
                      .computeIfAbsent(anomaly.getSeriesId(), id -> new ArrayList<>())
                      .add(point));
    }
    List<JudgedSeries> judged = new ArrayList<>();
    for (ReplaySamples replay : replays) {
      judged.add(finish(replay, published.getOrDefault(replay.seriesId(), List.of())));
    }
    return judged;
  }

  private JudgedSeries finish(ReplaySamples replay, List<PointScore> published) {
    SeriesDetector detector =
        processor
            .seriesDetector(replay.seriesId())
            .orElseThrow(
                () -> new IllegalStateException("the stream processor lost " + replay.seriesId()));
    List<PointScore> found = new ArrayList<>(published);
    LeakVerdict verdict = detector.finish(OfflineEngine.keeping(found, settings.minAnomalyScore()));
    return JudgedSeries.of(replay.series(), detector, verdict, found);
  }

  private void publish(List<ReplaySamples> replays) {
    Serializer<HostMemorySample> values = topics.samples().valueSerde().serializer();
    String topic = topics.samples().name();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG,
                10,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4"),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      for (ReplaySamples replay : replays) {
        byte[] key = replay.hostId().getBytes(StandardCharsets.UTF_8);
        for (int row = 0; row < replay.size(); row++) {
          HostMemorySample sample = replay.sample(row);
          producer.send(
              new ProducerRecord<>(
                  topic, null, sample.getTimestampMs(), key, values.serialize(topic, sample)));
        }
      }
      producer.flush();
    }
  }

  @Override
  public void close() {
    closeAll(processor, stack, workDir);
  }

  private static void closeAll(StreamProcessor processor, LocalStack stack, Path workDir) {
    try {
      if (processor != null) {
        processor.close();
      }
    } finally {
      try {
        if (stack != null) {
          stack.close();
        }
      } finally {
        TemporaryDirectory.delete(workDir);
      }
    }
  }
}
