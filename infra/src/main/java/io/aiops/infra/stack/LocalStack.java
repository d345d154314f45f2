package io.aiops.infra.stack;

import io.aiops.infra.broker.EmbeddedKafkaBroker;
import io.aiops.infra.registry.EmbeddedSchemaRegistry;
import io.aiops.infra.topics.TopicLayout;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Broker + topics + registry: the embedded local stack, started in order, closed in reverse. */
public final class LocalStack implements AutoCloseable {
  // One broker holds every replica.
  private static final short REPLICATION_FACTOR = 1;

  private final Path dataDir;
  private final EmbeddedKafkaBroker broker;
  private final EmbeddedSchemaRegistry registry;

  private LocalStack(Path dataDir, EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) {
    this.dataDir = dataDir;
    this.broker = broker;
    this.registry = registry;
  }

  /**
   * Starts the broker on {@code dataDir/kafka}, creates the missing topics of {@link
   * TopicLayout#defaults()} and starts the registry; on the same directory, topics, records and
   * schema ids of the last run are kept.
   */
  public static LocalStack start(LocalStackSettings settings) {
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaBroker(
            settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.controllerPort());
    EmbeddedSchemaRegistry registry = null;
    try {
      broker.start();
      try (Admin admin =
          Admin.create(
              Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
        TopicLayout.defaults().ensureCreated(admin, REPLICATION_FACTOR);
      }
      registry = new EmbeddedSchemaRegistry(broker.bootstrapServers(), settings.registryPort());
      registry.start();
      return new LocalStack(settings.dataDir(), broker, registry);
    } catch (RuntimeException e) {
      if (registry != null) {
        registry.close();
      }
      broker.close();
      throw e;
    }
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  public String schemaRegistryUrl() {
    return registry.url();
  }

  public Path dataDir() {
    return dataDir;
  }

  /**
   * Turns time retention off on the data topics, for a stack that carries history: a replay of
   * exported samples, or a test's fixed timestamps. Kafka rolls a new segment for each batch whose
   * timestamps are older than a segment's lifetime (7 days), and its first retention check, 30 s
   * after the broker starts, deletes every closed segment older than the topic's retention: on a
   * loaded machine a replay outlasted that and lost samples and anomalies on their way through. Not
   * for {@code aiops up}, whose topics must expire.
   */
  public void keepEveryRecord() {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      TopicLayout.defaults().keepEveryRecord(admin);
    }
  }

  /** Closes the registry, then the broker. */
  @Override
  public void close() {
    try {
      registry.close();
    } finally {
      broker.close();
    }
  }
}
