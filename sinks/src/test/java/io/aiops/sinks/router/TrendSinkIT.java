package io.aiops.sinks.router;

import static io.aiops.sinks.AnomalyFixtures.MONDAY_10_00;
import static io.aiops.sinks.TrendFixtures.FIVE_MINUTES;
import static io.aiops.sinks.TrendFixtures.WEB_01;
import static io.aiops.sinks.TrendFixtures.nginxWindow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.infra.stack.LocalStack;
import io.aiops.infra.testing.EmbeddedStackExtension;
import io.aiops.schemas.memory.MemoryTrend;
import io.aiops.schemas.registry.CachedSchemaRegistryClient;
import io.aiops.schemas.registry.SchemaRegistryClient;
import io.aiops.schemas.topic.DeadLetterHeaders;
import io.aiops.schemas.topic.MemoryTopics;
import io.aiops.schemas.topic.TopicNames;
import io.aiops.sinks.store.QueryStore;
import io.aiops.sinks.store.TrendStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trend sink against a real broker and registry: points stored, malformed ones dead-lettered.
 */
@ExtendWith(EmbeddedStackExtension.class)
class TrendSinkIT {
  private static final String SERIES = WEB_01 + "/boot-it/777/4242";
  private static final String LATE_SERIES = WEB_01 + "/boot-it/778/4243";
  private static final byte[] GARBAGE = "not avro either".getBytes(StandardCharsets.UTF_8);

  @TempDir Path storeDir;

  @Test
  void storesEachTrendPointAndSendsUndecodableAndMalformedOnesToTheDlqWithTheReason(
      LocalStack stack) throws Exception {
    SchemaRegistryClient registry = CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl());
    long dlqStart = SinkTopics.dlqEndOffset(stack);
    MemoryTrend first = nginxWindow(SERIES, MONDAY_10_00, 100_000_000L);
    MemoryTrend second = nginxWindow(SERIES, MONDAY_10_00 + FIVE_MINUTES, 101_000_000L);
    MemoryTrend backwards = nginxWindow(SERIES, MONDAY_10_00 + 2 * FIVE_MINUTES, 102_000_000L);
    backwards.setWindowStartMs(backwards.getWindowEndMs());
    var topic = MemoryTopics.using(registry).trends();
    SinkTopics.produce(stack, topic, MemoryTrend::getSeriesId, first, second, backwards);
    SinkTopics.produceRaw(
        stack, TopicNames.TRENDS, SERIES.getBytes(StandardCharsets.UTF_8), GARBAGE);
    AtomicInteger heard = new AtomicInteger();

    try (QueryStore opened = QueryStore.open(storeDir)) {
      TrendStore trends = opened.trends();
      try (TrendSink sink =
          new TrendSink(
              stack.bootstrapServers(),
              registry,
              "it-trends",
              trends,
              t -> {
                if (t.getSeriesId().equals(SERIES)) {
                  heard.incrementAndGet();
                }
              })) {
        sink.start();
        SinkTopics.awaitTrue(
            () ->
                trends.points(WEB_01, SERIES, 0, 10).size() == 2
                    && SinkTopics.dlqEndOffset(stack) >= dlqStart + 2,
            "two points stored and two dead letters");
      }
      assertEquals(List.of(first, second), trends.points(WEB_01, SERIES, 0, 10));
      // The other test of this class shares the topic: only this series is counted.
      assertEquals(2, heard.get(), "each stored point heard once");
    }

    List<ConsumerRecord<byte[], byte[]>> dead = SinkTopics.readDlq(stack, dlqStart);
    assertEquals(2, dead.size(), "exactly the two bad records");
    for (ConsumerRecord<byte[], byte[]> letter : dead) {
      assertEquals(
          "sinks.trend-store", DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.STAGE));
      assertEquals(
          TopicNames.TRENDS,
          DeadLetterHeaders.read(letter.headers(), DeadLetterHeaders.SOURCE_TOPIC));
    }
    String malformed = DeadLetterHeaders.read(dead.get(0).headers(), DeadLetterHeaders.REASON);
    assertTrue(malformed.startsWith("malformed MemoryTrend: window_end_ms "), malformed);
    assertArrayEquals(GARBAGE, dead.get(1).value(), "the original bytes");
    String undecodable = DeadLetterHeaders.read(dead.get(1).headers(), DeadLetterHeaders.REASON);
    assertTrue(undecodable.contains("magic byte"), undecodable);
  }

  @Test
  void keepsStoringAfterPollsThatFoundNothing(LocalStack stack) throws Exception {
    SchemaRegistryClient registry = CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl());
    var topic = MemoryTopics.using(registry).trends();

    try (QueryStore opened = QueryStore.open(storeDir);
        TrendSink sink =
            new TrendSink(
                stack.bootstrapServers(), registry, "it-idle", opened.trends(), t -> {})) {
      sink.start();
      Thread.sleep(2_000); // a few polls of 500 ms that find nothing new
      MemoryTrend late = nginxWindow(LATE_SERIES, MONDAY_10_00, 100_000_000L);
      SinkTopics.produce(stack, topic, MemoryTrend::getSeriesId, late);

      SinkTopics.awaitTrue(
          () -> opened.trends().points(WEB_01, LATE_SERIES, 0, 10).equals(List.of(late)),
          "the point sent late");
    }
  }
}
