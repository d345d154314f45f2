package io.aiops.collector.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.simulate.SimulatedFleet;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.registry.CachedSchemaRegistryClient;
import io.aiops.schemas.topic.MemoryTopics;
import io.aiops.schemas.topic.TopicNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Broker and registry outages, and a collector restart during one, on the real embedded stack. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SpoolOutageIT {
  private static final long START_MS = 1_700_000_000_000L;
  private static final long INTERVAL_MS = 10_000;
  private static final int HOSTS = 3;
  private static final int ROUNDS_PER_PHASE = 10;
  private static final int SAMPLES_PER_PHASE = HOSTS * ROUNDS_PER_PHASE;
  private static final Duration AWAIT = Duration.ofSeconds(30);

  @TempDir Path temp;

  @Test
  void replaysSamplesTakenDuringOutageInOrderAfterRestart() {
    Path spoolDir = temp.resolve("spool");
    FleetSampler sampler = new FleetSampler(SimulatedFleet.create(HOSTS, 42, START_MS));
    try (RestartableStack stack = new RestartableStack(temp.resolve("stack"))) {
      stack.start();
      SpooledDelivery first = open(spoolDir, stack);
      sampler.takeRounds(ROUNDS_PER_PHASE, first);
      await("the first samples acknowledged", () -> first.stats().sent() == SAMPLES_PER_PHASE);

      stack.stop();
      sampler.takeRounds(ROUNDS_PER_PHASE, first);
      first.close();
      assertEquals(SAMPLES_PER_PHASE, first.stats().pending(), "the outage's samples stay spooled");

      try (SpooledDelivery restarted = open(spoolDir, stack)) {
        assertEquals(SAMPLES_PER_PHASE, restarted.stats().pending(), "found again after restart");
        sampler.takeRounds(ROUNDS_PER_PHASE, restarted);
        stack.start();
        sampler.takeRounds(ROUNDS_PER_PHASE, restarted);
        await("the backlog replayed", () -> restarted.stats().pending() == 0);

        DeliveryStats stats = restarted.stats();
        assertEquals(3 * SAMPLES_PER_PHASE, stats.sent(), "spooled by both runs, sent once");
        assertEquals(0, stats.dropped());
      }

      List<HostMemorySample> delivered = consumeSamples(stack, sampler.taken().size());
      assertEachArrivedOnceInOrderPerHost(sampler.taken(), delivered);
    }
  }

  @Test
  void sendsTheNewestSamplesInOrderAfterAFullSpoolDroppedTheOldest() {
    FleetSampler sampler = new FleetSampler(SimulatedFleet.create(HOSTS, 7, START_MS));
    SpoolSettings settings = settings(temp.resolve("spool")).withMaxBytes(64 * 1024);
    try (RestartableStack stack = new RestartableStack(temp.resolve("stack"));
        SpooledDelivery delivery =
            SpooledDelivery.open(
                settings,
                ProducerSettings.of(stack.bootstrapServers()),
                CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl()))) {
      sampler.takeRounds(200, delivery);
      long dropped = delivery.stats().dropped();
      assertTrue(dropped > 0, "600 samples cannot fit 64 KiB");
      assertTrue(delivery.stats().spoolBytes() <= settings.maxBytes());

      stack.start();
      await("the survivors sent", () -> delivery.stats().pending() == 0);

      List<HostMemorySample> taken = sampler.taken();
      List<HostMemorySample> survivors = taken.subList((int) dropped, taken.size());
      assertEquals(survivors.size(), delivery.stats().sent(), "sent = taken - dropped");
      assertEachArrivedOnceInOrderPerHost(survivors, consumeSamples(stack, survivors.size()));
    }
  }

  /** Samples a simulated fleet every (simulated) 10 s and remembers what it took, in order. */
  private static final class FleetSampler {
    private final SimulatedFleet fleet;
    private final List<HostMemorySample> taken = new ArrayList<>();

    FleetSampler(SimulatedFleet fleet) {
      this.fleet = fleet;
    }

    void takeRounds(int rounds, CollectorDelivery delivery) {
      for (int i = 0; i < rounds; i++) {
        long timestampMs = START_MS + (taken.size() / HOSTS) * INTERVAL_MS;
        for (HostMemorySample sample : fleet.sampleAll(timestampMs)) {
          delivery.publish(sample);
          taken.add(sample);
        }
      }
    }

    List<HostMemorySample> taken() {
      return taken;
    }
  }

  private static SpoolSettings settings(Path spoolDir) {
    return SpoolSettings.defaults(spoolDir)
        .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
        .withCloseTimeout(Duration.ofSeconds(2));
  }

  /** A collector process starting: a fresh registry client, so no schema id is cached. */
  private static SpooledDelivery open(Path spoolDir, RestartableStack stack) {
    return SpooledDelivery.open(
        settings(spoolDir),
        ProducerSettings.of(stack.bootstrapServers()),
        CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl()));
  }

  private static void assertEachArrivedOnceInOrderPerHost(
      List<HostMemorySample> taken, List<HostMemorySample> delivered) {
    assertEquals(
        taken.size(), delivered.size(), "as many delivered as taken: none lost, none twice");
    Map<String, List<HostMemorySample>> takenByHost = byHost(taken);
    Map<String, List<HostMemorySample>> deliveredByHost = byHost(delivered);
    assertEquals(takenByHost.keySet(), deliveredByHost.keySet());
    for (String host : takenByHost.keySet()) {
      List<Long> timestamps =
          deliveredByHost.get(host).stream().map(HostMemorySample::getTimestampMs).toList();
      for (int i = 1; i < timestamps.size(); i++) {
        assertTrue(
            timestamps.get(i) > timestamps.get(i - 1), host + " out of order at " + timestamps);
      }
      assertEquals(takenByHost.get(host), deliveredByHost.get(host), host + ": the same samples");
    }
  }

  private static Map<String, List<HostMemorySample>> byHost(List<HostMemorySample> samples) {
    return samples.stream()
        .collect(
            Collectors.groupingBy(
                HostMemorySample::getHostId, LinkedHashMap::new, Collectors.toList()));
  }

  /**
   * Everything on the samples topic, decoded by the real deserializer, in each partition's order;
   * reads on a while after the expected count so that a duplicate would show.
   */
  private static List<HostMemorySample> consumeSamples(RestartableStack stack, int expected) {
    Deserializer<HostMemorySample> deserializer =
        MemoryTopics.using(CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl()))
            .samples()
            .valueSerde()
            .deserializer();
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            stack.bootstrapServers(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest");
    List<HostMemorySample> samples = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(TopicNames.SAMPLES).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + AWAIT.toNanos();
      long lingerUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, lingerUntil)) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          HostMemorySample sample = deserializer.deserialize(record.topic(), record.value());
          assertEquals(sample.getHostId(), new String(record.key(), StandardCharsets.UTF_8));
          samples.add(sample);
        }
        if (samples.size() >= expected && lingerUntil == Long.MAX_VALUE) {
          lingerUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        }
      }
    }
    return samples;
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + AWAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + AWAIT.toSeconds() + " s: " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
