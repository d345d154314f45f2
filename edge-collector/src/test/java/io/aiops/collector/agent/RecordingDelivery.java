package io.aiops.collector.agent;

import io.aiops.collector.delivery.CollectorDelivery;
import io.aiops.collector.delivery.DeliveryStats;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.OomKillEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A delivery that keeps what it is given in memory and reports it all as sent. */
final class RecordingDelivery implements CollectorDelivery {
  final List<HostMemorySample> samples = new CopyOnWriteArrayList<>();
  final List<OomKillEvent> oomEvents = new CopyOnWriteArrayList<>();
  volatile boolean closed;

  @Override
  public void publish(HostMemorySample sample) {
    samples.add(sample);
  }

  @Override
  public void publish(OomKillEvent event) {
    oomEvents.add(event);
  }

  @Override
  public DeliveryStats stats() {
    return new DeliveryStats(samples.size() + oomEvents.size(), 0, 0, 0, 0);
  }

  @Override
  public void close() {
    closed = true;
  }
}
