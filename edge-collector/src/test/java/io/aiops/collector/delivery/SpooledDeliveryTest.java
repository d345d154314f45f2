package io.aiops.collector.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.delivery.spool.SpoolFsync;
import io.aiops.collector.simulate.SimulatedFleet;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.registry.RestSchemaRegistryClient;
import io.aiops.schemas.registry.SchemaRegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without any broker or registry listening: what the collector does on its own. */
class SpooledDeliveryTest {
  private static final long START_MS = 1_700_000_000_000L;
  private static final long INTERVAL_MS = 10_000;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

  @TempDir Path dir;

  @Test
  void publishNeverWaitsForAnAbsentBrokerAndCloseIsBounded() {
    // Forcing each record to the device is the default, but what is checked here is the broker:
    // on a busy disk one fsync alone can take over a second (seen in CI), which is not a wait for
    // the broker. A publish that did wait would block for the producer's whole max.block.ms.
    SpooledDelivery delivery = open(settings().withFsync(SpoolFsync.OS_WRITEBACK));
    SimulatedFleet fleet = SimulatedFleet.create(3, 1, START_MS);
    long slowestPublishNanos = 0;
    for (int round = 0; round < 100; round++) {
      for (HostMemorySample sample : fleet.sampleAll(START_MS + round * INTERVAL_MS)) {
        long started = System.nanoTime();
        delivery.publish(sample);
        slowestPublishNanos = Math.max(slowestPublishNanos, System.nanoTime() - started);
      }
    }

    long closeStarted = System.nanoTime();
    delivery.close();
    Duration closeTook = Duration.ofNanos(System.nanoTime() - closeStarted);

    assertTrue(
        slowestPublishNanos < Duration.ofMillis(SpooledDelivery.MAX_BLOCK_MS / 2).toNanos(),
        "slowest publish took " + slowestPublishNanos / 1_000_000 + " ms");
    assertTrue(closeTook.compareTo(CLOSE_TIMEOUT.plusSeconds(1)) < 0, "close took " + closeTook);
    DeliveryStats stats = delivery.stats();
    assertEquals(300, stats.spooled());
    assertEquals(300, stats.pending());
    assertEquals(0, stats.sent());
    assertEquals(0, stats.dropped());
  }

  @Test
  void keepsWhatItCouldNotSendForTheNextStart() {
    SimulatedFleet fleet = SimulatedFleet.create(2, 2, START_MS);
    try (SpooledDelivery first = open(settings())) {
      for (int round = 0; round < 10; round++) {
        fleet.sampleAll(START_MS + round * INTERVAL_MS).forEach(first::publish);
      }
    }

    try (SpooledDelivery next = open(settings())) {
      assertEquals(20, next.stats().pending());
      assertEquals(0, next.stats().spooled(), "counters are per start; the spool is not");
      assertTrue(next.stats().spoolBytes() > 20 * 100);
    }
  }

  @Test
  void dropsTheOldestSamplesWhenTheSpoolIsFullAndCountsThem() {
    long maxBytes = 64 * 1024;
    SimulatedFleet fleet = SimulatedFleet.create(3, 3, START_MS);
    int published = 0;
    try (SpooledDelivery delivery = open(settings().withMaxBytes(maxBytes))) {
      for (int round = 0; round < 200; round++) {
        for (HostMemorySample sample : fleet.sampleAll(START_MS + round * INTERVAL_MS)) {
          delivery.publish(sample);
          published++;
        }
      }

      DeliveryStats stats = delivery.stats();
      assertTrue(stats.dropped() > 0, "600 samples of ~500 bytes cannot fit 64 KiB");
      assertTrue(stats.spoolBytes() <= maxBytes, stats.spoolBytes() + " bytes on disk");
      assertEquals(published, stats.pending() + stats.dropped(), "every sample kept or counted");
      assertEquals(published, stats.spooled());
    }
  }

  @Test
  void refusesASpoolDirectoryAnotherCollectorHolds() {
    try (SpooledDelivery first = open(settings())) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> open(settings()));
      assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }
  }

  private SpoolSettings settings() {
    return SpoolSettings.defaults(dir)
        .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))
        .withCloseTimeout(CLOSE_TIMEOUT);
  }

  private static SpooledDelivery open(SpoolSettings settings) {
    SchemaRegistryClient registry =
        new RestSchemaRegistryClient("http://localhost:" + closedPort(), Duration.ofSeconds(1));
    return SpooledDelivery.open(
        settings, ProducerSettings.of("localhost:" + closedPort()), registry);
  }

  /** A port nothing listens on: connections to it are refused at once. */
  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
