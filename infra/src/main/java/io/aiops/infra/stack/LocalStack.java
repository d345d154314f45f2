package io.aiops.infra.stack;

import io.aiops.infra.broker.EmbeddedKafkaBroker;
import io.aiops.infra.registry.EmbeddedSchemaRegistry;
import io.aiops.infra.topics.TopicLayout;
import io.aiops.schemas.topic.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** Broker + topics + registry: the embedded local stack, started in order, closed in reverse. */
public final class LocalStack implements AutoCloseable {
  // One broker holds every replica.
  private static final short REPLICATION_FACTOR = 1;
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

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
    Collection<AlterConfigOp> keep =
        List.of(
            new AlterConfigOp(
                new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"), AlterConfigOp.OpType.SET));
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
    for (String topic : TopicNames.DATA_TOPICS) {
      changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), keep);
    }
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
      admin
          .incrementalAlterConfigs(changes)
          .all()
          .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot turn retention off: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while turning retention off", e);
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
