package io.aiops.collector.delivery;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Producer configuration for the collector: idempotent, acks=all, lz4-compressed batches, with any
 * extra client settings (TLS, SASL) passed through unchanged.
 */
public record ProducerSettings(String bootstrapServers, Map<String, String> passThrough) {

  public ProducerSettings {
    passThrough = Map.copyOf(passThrough);
  }

  public static ProducerSettings of(String bootstrapServers) {
    return new ProducerSettings(bootstrapServers, Map.of());
  }

  public Map<String, Object> toProducerConfig(String clientId) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // Samples are small and periodic; a short linger batches a fleet's burst without adding delay
    // anyone would notice at a 10 s interval.
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.putAll(passThrough);
    return config;
  }
}
