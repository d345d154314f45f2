package io.aiops.collector.delivery;

import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.OomKillEvent;

/**
 * Where the collector hands what it read. Implementations decide how records reach Kafka; publish
 * never blocks on the broker, so a slow or absent cluster cannot stall sampling.
 */
public interface CollectorDelivery extends AutoCloseable {

  void publish(HostMemorySample sample);

  void publish(OomKillEvent event);

  /** Counters since start, for the collector's self-metrics. */
  DeliveryStats stats();

  /** Sends or persists everything accepted so far, then releases the producer. */
  @Override
  void close();
}
