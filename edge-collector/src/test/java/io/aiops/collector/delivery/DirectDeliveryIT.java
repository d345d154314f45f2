package io.aiops.collector.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.fixtures.SampleFixtures;
import io.aiops.infra.stack.LocalStack;
import io.aiops.infra.testing.EmbeddedStackExtension;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.OomKillEvent;
import io.aiops.schemas.registry.CachedSchemaRegistryClient;
import io.aiops.schemas.topic.MemoryTopics;
import io.aiops.schemas.topic.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedStackExtension.class)
class DirectDeliveryIT {

  @Test
  void samplesAndOomEventsReachTheirTopicsKeyedByHostAndAreCountedSent(LocalStack stack)
      throws Exception {
    MemoryTopics topics =
        MemoryTopics.using(CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl()));
    HostMemorySample sample = SampleFixtures.webHost();
    OomKillEvent kill =
        OomKillEvent.newBuilder()
            .setHostId(sample.getHostId())
            .setTimestampMs(sample.getTimestampMs() + 1)
            .setPid(4242)
            .setProcess("java")
            .setConstraint("CONSTRAINT_MEMCG")
            .build();

    try (DirectDelivery delivery =
        DirectDelivery.open(
            ProducerSettings.of(stack.bootstrapServers()),
            CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl()),
            "direct-delivery-it",
            Duration.ofSeconds(10))) {
      delivery.publish(sample);
      delivery.publish(kill);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (delivery.stats().sent() < 2) {
        assertTrue(System.nanoTime() < deadline, "not acknowledged: " + delivery.stats());
        Thread.sleep(50);
      }
      assertEquals(new DeliveryStats(2, 0, 0, 0, 0), delivery.stats());
    }

    ConsumerRecord<String, byte[]> sampleRecord = readOne(stack, TopicNames.SAMPLES);
    assertEquals(sample.getHostId(), sampleRecord.key());
    assertEquals(sample.getTimestampMs(), sampleRecord.timestamp());
    assertEquals(
        sample,
        topics
            .samples()
            .valueSerde()
            .deserializer()
            .deserialize(TopicNames.SAMPLES, sampleRecord.value()));

    ConsumerRecord<String, byte[]> killRecord = readOne(stack, TopicNames.OOM_EVENTS);
    assertEquals(kill.getHostId(), killRecord.key());
    assertEquals(
        kill,
        topics
            .oomEvents()
            .valueSerde()
            .deserializer()
            .deserialize(TopicNames.OOM_EVENTS, killRecord.value()));
  }

  private static ConsumerRecord<String, byte[]> readOne(LocalStack stack, String topic) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "direct-delivery-it-" + topic,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      assertEquals(1, records.size(), "exactly the one published on " + topic);
      return records.get(0);
    }
  }
}
