package io.aiops.collector.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.fixtures.SampleFixtures;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.registry.CachedSchemaRegistryClient;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectDeliveryTest {

  @Test
  void publishNeverBlocksOnAnUnreachableBrokerAndWhatCannotWaitIsCountedDropped() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HostMemorySample sample = SampleFixtures.webHost();
    int published = DirectDelivery.QUEUE_CAPACITY + 20;
    DirectDelivery delivery =
        DirectDelivery.open(
            new ProducerSettings("127.0.0.1:" + closedPort, Map.of()),
            CachedSchemaRegistryClient.forUrl("http://127.0.0.1:" + closedPort),
            "direct-delivery-test",
            Duration.ofSeconds(1));

    long start = System.nanoTime();
    for (int i = 0; i < published; i++) {
      delivery.publish(sample);
    }
    Duration publishing = Duration.ofNanos(System.nanoTime() - start);

    assertTrue(publishing.compareTo(Duration.ofSeconds(1)) < 0, "publishing took " + publishing);
    DeliveryStats beforeClose = delivery.stats();
    assertEquals(0, beforeClose.sent());
    // One record is with the sender (waiting for metadata), QUEUE_CAPACITY wait behind it.
    assertTrue(
        beforeClose.dropped() >= published - DirectDelivery.QUEUE_CAPACITY - 1,
        beforeClose.toString());
    assertEquals(published, beforeClose.dropped() + beforeClose.pending());

    long closing = System.nanoTime();
    delivery.close();
    assertTrue(Duration.ofNanos(System.nanoTime() - closing).compareTo(Duration.ofSeconds(5)) < 0);
    DeliveryStats afterClose = delivery.stats();
    assertEquals(
        published, afterClose.dropped(), "nothing is spooled, so what was not sent is lost");
    assertEquals(0, afterClose.pending());
    assertEquals(0, afterClose.spooled());
  }
}
