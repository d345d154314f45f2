package io.aiops.collector.agent;

import io.aiops.collector.config.CollectorSettings;
import io.aiops.collector.delivery.CollectorDelivery;
import io.aiops.collector.delivery.SpoolSettings;
import io.aiops.collector.delivery.SpooledDelivery;
import io.aiops.schemas.registry.CachedSchemaRegistryClient;
import io.aiops.schemas.registry.SchemaRegistryClient;
import java.time.Duration;

/** The one place that decides how the agent's records reach Kafka. */
public final class CollectorDeliveries {
  /** Within the agent's own close bound, so the producer's close is what ends, not the wait. */
  private static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private CollectorDeliveries() {}

  /**
   * The agent's delivery: every record is written ahead to the on-disk spool and replayed in order,
   * so broker outages and collector restarts lose nothing (see {@link SpooledDelivery}).
   */
  public static CollectorDelivery open(CollectorSettings settings, SpoolDirectory spool) {
    SchemaRegistryClient registry = CachedSchemaRegistryClient.forUrl(settings.schemaRegistryUrl());
    SpoolSettings spoolSettings =
        SpoolSettings.defaults(spool.path())
            .withMaxBytes(settings.spoolMaxBytes())
            .withCloseTimeout(PRODUCER_CLOSE_TIMEOUT);
    return SpooledDelivery.open(spoolSettings, settings.producerSettings(), registry);
  }
}
