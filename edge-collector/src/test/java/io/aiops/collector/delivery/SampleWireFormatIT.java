package io.aiops.collector.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.aiops.collector.host.HostPaths;
import io.aiops.collector.host.HostSampler;
import io.aiops.collector.host.ProcessSelection;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.infra.stack.LocalStack;
import io.aiops.infra.testing.EmbeddedStackExtension;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.registry.CachedSchemaRegistryClient;
import io.aiops.schemas.registry.RestSchemaRegistryClient;
import io.aiops.schemas.serde.ConfluentWireFormat;
import io.aiops.schemas.topic.MemoryTopics;
import io.aiops.schemas.topic.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedStackExtension.class)
class SampleWireFormatIT {

  @Test
  void samplesOnTheTopicAreConfluentWireFormatResolvableByTheRegistry(LocalStack stack) {
    MemoryTopics topics =
        MemoryTopics.using(CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl()));
    HostMemorySample sample =
        new HostSampler(HostPaths.live(), ProcessSelection.defaults(), new ReadErrors())
            .sample(System.currentTimeMillis());
    try (SamplePublisher publisher =
        new SamplePublisher(
            ProducerSettings.of(stack.bootstrapServers()), topics.samples(), "wire-format-it")) {
      publisher.publish(sample);
      publisher.flush();
    }

    ConsumerRecord<byte[], byte[]> record = readOne(stack.bootstrapServers());
    byte[] value = record.value();
    assertEquals(0, value[0], "magic byte");
    int schemaId = ConfluentWireFormat.schemaId(value);
    Schema schema = new RestSchemaRegistryClient(stack.schemaRegistryUrl()).schemaById(schemaId);
    assertEquals(HostMemorySample.getClassSchema().getFullName(), schema.getFullName());
    assertEquals(sample.getHostId(), new String(record.key(), StandardCharsets.UTF_8));

    HostMemorySample decoded =
        topics.samples().valueSerde().deserializer().deserialize(TopicNames.SAMPLES, value);
    assertEquals(sample, decoded);
    assertFalse(decoded.getProcesses().isEmpty(), "this machine has processes");
  }

  private static ConsumerRecord<byte[], byte[]> readOne(String bootstrap) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG, "wire-format-it",
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(TopicNames.SAMPLES));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (records.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      assertEquals(1, records.size(), "exactly the one published sample");
      return records.get(0);
    }
  }
}
