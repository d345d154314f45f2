package io.aiops.collector.agent;

import io.aiops.collector.config.CollectorSettings;
import io.aiops.collector.delivery.CollectorDelivery;
import io.aiops.collector.delivery.DirectDelivery;
import io.aiops.schemas.registry.CachedSchemaRegistryClient;
import io.aiops.schemas.registry.SchemaRegistryClient;
import java.time.Duration;

/** The one place that decides how the agent's records reach Kafka. */
public final class CollectorDeliveries {
  /** Within the agent's own close bound, so the producer's close is what ends, not the wait. */
  private static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private CollectorDeliveries() {}

  /**
   * A delivery for the agent. The spool directory is prepared now even though {@link
   * DirectDelivery} does not use it, so the directory problems surface at start; when the on-disk
   * spool lands this returns {@code SpooledDelivery.open(new SpoolSettings(spool.path(),
   * settings.spoolMaxBytes()), settings.producerSettings(), registry)}.
   */
  public static CollectorDelivery open(CollectorSettings settings, SpoolDirectory spool) {
    SchemaRegistryClient registry = CachedSchemaRegistryClient.forUrl(settings.schemaRegistryUrl());
    return DirectDelivery.open(
        settings.producerSettings(), registry, "aiops-collector", PRODUCER_CLOSE_TIMEOUT);
  }
}
