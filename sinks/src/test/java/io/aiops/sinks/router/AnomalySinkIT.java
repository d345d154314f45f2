package io.aiops.sinks.router;

import static io.aiops.sinks.AnomalyFixtures.MONDAY_10_00;
import static io.aiops.sinks.AnomalyFixtures.ONE_MINUTE;
import static io.aiops.sinks.AnomalyFixtures.leakOnWeb01;
import static io.aiops.sinks.AnomalyFixtures.swapStormOnDb02;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.infra.stack.LocalStack;
import io.aiops.infra.testing.EmbeddedStackExtension;
import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.registry.CachedSchemaRegistryClient;
import io.aiops.schemas.registry.SchemaRegistryClient;
import io.aiops.schemas.topic.DeadLetterHeaders;
import io.aiops.schemas.topic.MemoryTopics;
import io.aiops.schemas.topic.TopicNames;
import io.aiops.sinks.store.AnomalyStore;
import io.aiops.sinks.store.QueryStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The sink against a real broker and registry: store, listener, dead letters and commits. */
@ExtendWith(EmbeddedStackExtension.class)
class AnomalySinkIT {
  private static final byte[] GARBAGE_KEY = utf8("web-01/garbage");
  private static final byte[] GARBAGE_VALUE = utf8("not avro, just text");

  @TempDir Path storeDir;

  @Test
  void storesValidAnomaliesAndSendsTheUndecodableRecordToTheDlqWithItsReason(LocalStack stack)
      throws Exception {
    SchemaRegistryClient registry = CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl());
    long dlqStart = SinkTopics.dlqEndOffset(stack);
    MemoryAnomaly leak = leakOnWeb01("it-main-leak", MONDAY_10_00);
    MemoryAnomaly storm = swapStormOnDb02("it-main-storm", MONDAY_10_00 + ONE_MINUTE);
    produceAnomalies(stack, registry, leak, storm);
    SinkTopics.produceRaw(stack, TopicNames.ANOMALIES, GARBAGE_KEY, GARBAGE_VALUE);
    List<MemoryAnomaly> heard = new CopyOnWriteArrayList<>();

    try (QueryStore opened = QueryStore.open(storeDir)) {
      AnomalyStore store = opened.anomalies();
      try (AnomalySink sink =
          new AnomalySink(stack.bootstrapServers(), registry, "it-main", store, heard::add)) {
        sink.start();
        SinkTopics.awaitTrue(
            () -> ours(heard).size() >= 2 && SinkTopics.dlqEndOffset(stack) > dlqStart,
            "both anomalies and the dead letter");
      }
      // Other tests of this class share the topic, so only this test's anomalies are compared.
      assertEquals(List.of(leak, storm), ours(store.since(MONDAY_10_00, 100)));
      assertEquals(Set.of(leak, storm), Set.copyOf(ours(heard)));
      assertEquals(2, ours(heard).size(), "each anomaly heard once");
    }

    List<ConsumerRecord<byte[], byte[]>> deadLetters = SinkTopics.readDlq(stack, dlqStart);
    assertEquals(1, deadLetters.size(), "exactly one dead letter");
    ConsumerRecord<byte[], byte[]> dead = deadLetters.get(0);
    assertArrayEquals(GARBAGE_KEY, dead.key());
    assertArrayEquals(GARBAGE_VALUE, dead.value());
    assertEquals(
        "sinks.anomaly-store", DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.STAGE));
    String reason = DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.REASON);
    assertTrue(reason.contains("magic byte"), reason);
    assertEquals(
        TopicNames.ANOMALIES,
        DeadLetterHeaders.read(dead.headers(), DeadLetterHeaders.SOURCE_TOPIC));
  }

  @Test
  void keepsConsumingWhenTheListenerThrowsAndResumesAfterTheCommittedOffsets(LocalStack stack)
      throws Exception {
    SchemaRegistryClient registry = CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl());
    MemoryAnomaly first = leakOnWeb01("it-throw-1", MONDAY_10_00 + 10 * ONE_MINUTE);
    MemoryAnomaly second = leakOnWeb01("it-throw-2", MONDAY_10_00 + 11 * ONE_MINUTE);
    produceAnomalies(stack, registry, first, second);
    List<String> heard = new CopyOnWriteArrayList<>();

    try (QueryStore opened = QueryStore.open(storeDir)) {
      AnomalyStore store = opened.anomalies();
      try (AnomalySink sink =
          new AnomalySink(
              stack.bootstrapServers(),
              registry,
              "it-throwing",
              store,
              anomaly -> {
                heard.add(anomaly.getAnomalyId());
                throw new IllegalStateException("listener broke on " + anomaly.getAnomalyId());
              })) {
        sink.start();
        SinkTopics.awaitTrue(
            () -> heard.containsAll(List.of("it-throw-1", "it-throw-2")), "both anomalies heard");
      }
      assertEquals(List.of(first, second), store.since(first.getDetectedAtMs(), 10));

      List<String> replayed = new CopyOnWriteArrayList<>();
      try (AnomalySink restarted =
          new AnomalySink(
              stack.bootstrapServers(),
              registry,
              "it-throwing",
              store,
              a -> replayed.add(a.getAnomalyId()))) {
        restarted.start();
        Thread.sleep(3_000);
      }
      assertEquals(List.of(), replayed, "records after the committed offsets only");
    }
  }

  @Test
  void keepsConsumingAfterPollsThatFoundNothing(LocalStack stack) throws Exception {
    SchemaRegistryClient registry = CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl());
    List<String> heard = new CopyOnWriteArrayList<>();

    try (QueryStore opened = QueryStore.open(storeDir);
        AnomalySink sink =
            new AnomalySink(
                stack.bootstrapServers(),
                registry,
                "it-idle",
                opened.anomalies(),
                a -> heard.add(a.getAnomalyId()))) {
      sink.start();
      Thread.sleep(2_000); // a few polls of 500 ms that find nothing new
      produceAnomalies(stack, registry, leakOnWeb01("it-idle-late", MONDAY_10_00 + ONE_MINUTE));

      SinkTopics.awaitTrue(() -> heard.contains("it-idle-late"), "the anomaly sent late");
    }
  }

  private static List<MemoryAnomaly> ours(List<MemoryAnomaly> anomalies) {
    return anomalies.stream().filter(a -> a.getAnomalyId().startsWith("it-main-")).toList();
  }

  private static void produceAnomalies(
      LocalStack stack, SchemaRegistryClient registry, MemoryAnomaly... anomalies)
      throws Exception {
    SinkTopics.produce(
        stack, MemoryTopics.using(registry).anomalies(), MemoryAnomaly::getSeriesId, anomalies);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
