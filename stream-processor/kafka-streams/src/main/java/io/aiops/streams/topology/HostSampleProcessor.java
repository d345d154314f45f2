package io.aiops.streams.topology;

import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.memory.MemoryTrend;
import io.aiops.schemas.topic.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes each raw sample and runs the series tracker on it. A record that does not decode, or that
 * the tracker cannot process, goes to the dead-letter topic with its original bytes and the reason,
 * and the stream goes on.
 */
final class HostSampleProcessor implements Processor<byte[], byte[], String, Object> {
  static final String DECODE_STAGE = "streams.decode";
  static final String DETECT_STAGE = "streams.detect";
  private static final Logger LOG = LoggerFactory.getLogger(HostSampleProcessor.class);

  private final Deserializer<HostMemorySample> deserializer;
  private final DetectionSettings settings;
  private final String sourceTopic;
  private ProcessorContext<String, Object> context;
  private ProcessSeriesTracker tracker;

  HostSampleProcessor(
      Deserializer<HostMemorySample> deserializer, DetectionSettings settings, String sourceTopic) {
    this.deserializer = deserializer;
    this.settings = settings;
    this.sourceTopic = sourceTopic;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
    KeyValueStore<String, byte[]> series = context.getStateStore(DetectionTopology.SERIES_STORE);
    KeyValueStore<String, byte[]> index = context.getStateStore(DetectionTopology.HOST_INDEX_STORE);
    this.tracker = new ProcessSeriesTracker(settings, series, index);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    HostMemorySample sample;
    try {
      sample = deserializer.deserialize(sourceTopic, record.value());
      if (sample == null) {
        throw new IllegalArgumentException("null value (tombstone) on a sample topic");
      }
    } catch (RuntimeException e) {
      deadLetter(record, DECODE_STAGE, e);
      return;
    }
    try {
      tracker.onSample(
          sample,
          new ProcessSeriesTracker.Output() {
            @Override
            public void trend(String seriesId, MemoryTrend trend) {
              context.forward(
                  new Record<String, Object>(seriesId, trend, trend.getWindowEndMs()),
                  DetectionTopology.TRENDS_SINK);
            }

            @Override
            public void anomaly(String seriesId, MemoryAnomaly anomaly) {
              context.forward(
                  new Record<String, Object>(seriesId, anomaly, anomaly.getDetectedAtMs()),
                  DetectionTopology.ANOMALIES_SINK);
            }
          });
    } catch (RuntimeException e) {
      deadLetter(record, DETECT_STAGE, e);
    }
  }

  private void deadLetter(Record<byte[], byte[]> record, String stage, RuntimeException e) {
    String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
    RecordMetadata meta = context.recordMetadata().orElse(null);
    String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    LOG.warn("sample from host '{}' sent to the dead-letter topic ({}): {}", key, stage, reason);
    var headers =
        DeadLetterHeaders.of(
            stage,
            reason,
            meta == null ? sourceTopic : meta.topic(),
            meta == null ? -1 : meta.partition(),
            meta == null ? -1 : meta.offset());
    context.forward(
        new Record<String, Object>(key, record.value(), record.timestamp(), headers),
        DetectionTopology.DLQ_SINK);
  }
}
