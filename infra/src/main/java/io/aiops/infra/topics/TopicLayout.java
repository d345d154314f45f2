package io.aiops.infra.topics;

import io.aiops.schemas.topic.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** The partition counts and configs of the product's topics; creates the missing ones. */
public final class TopicLayout {
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private record TopicSpec(String name, int partitions, Map<String, String> configs) {}

  private final List<TopicSpec> specs;

  private TopicLayout(List<TopicSpec> specs) {
    this.specs = List.copyOf(specs);
  }

  /**
   * The layout of DESIGN.md: samples and trends spread over 6 partitions (keyed by host or series,
   * the busiest streams), OOM events and anomalies over 3, the DLQ in 1; `_schemas` is a single
   * compacted partition, so that the registry reads every registration in order.
   */
  public static TopicLayout defaults() {
    return new TopicLayout(
        List.of(
            deleteAfter(TopicNames.SAMPLES, 6, Duration.ofDays(7)),
            deleteAfter(TopicNames.OOM_EVENTS, 3, Duration.ofDays(30)),
            deleteAfter(TopicNames.TRENDS, 6, Duration.ofDays(7)),
            deleteAfter(TopicNames.ANOMALIES, 3, Duration.ofDays(30)),
            deleteAfter(TopicNames.DLQ, 1, Duration.ofDays(14)),
            new TopicSpec(
                TopicNames.SCHEMAS,
                1,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
  }

  /** One {@link NewTopic} per topic of the layout, with its partitions and configs. */
  public List<NewTopic> newTopics(short replicationFactor) {
    if (replicationFactor < 1) {
      throw new IllegalArgumentException("replication factor must be at least 1");
    }
    List<NewTopic> topics = new ArrayList<>(specs.size());
    for (TopicSpec spec : specs) {
      topics.add(
          new NewTopic(spec.name(), spec.partitions(), replicationFactor).configs(spec.configs()));
    }
    return topics;
  }

  /**
   * Creates the topics that do not exist yet; existing ones are left as they are, even when their
   * partitions or configs differ (changing them is an operator's decision).
   */
  public void ensureCreated(Admin admin, short replicationFactor) {
    try {
      Set<String> existing =
          admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing =
          newTopics(replicationFactor).stream().filter(t -> !existing.contains(t.name())).toList();
      if (missing.isEmpty()) {
        return;
      }
      Map<String, KafkaFuture<Void>> results = admin.createTopics(missing).values();
      for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
        awaitCreated(result.getKey(), result.getValue());
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot list topics: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /**
   * Sets {@code retention.ms=-1} on the layout's topics that expire (every one with a retention),
   * so that nothing is deleted for its age; see {@code LocalStack#keepEveryRecord} for when.
   */
  public void keepEveryRecord(Admin admin) {
    Collection<AlterConfigOp> keep =
        List.of(
            new AlterConfigOp(
                new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"), AlterConfigOp.OpType.SET));
    Map<ConfigResource, Collection<AlterConfigOp>> changes = new LinkedHashMap<>();
    for (TopicSpec spec : specs) {
      if (spec.configs().containsKey(TopicConfig.RETENTION_MS_CONFIG)) {
        changes.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()), keep);
      }
    }
    try {
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

  private static void awaitCreated(String topic, KafkaFuture<Void> creation)
      throws InterruptedException {
    try {
      creation.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // Another instance created it between our listing and our request: that is the goal.
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic + ": " + e.getCause(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("creating topic " + topic + " timed out", e);
    }
  }

  private static TopicSpec deleteAfter(String name, int partitions, Duration retention) {
    return new TopicSpec(
        name,
        partitions,
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG,
            Long.toString(retention.toMillis())));
  }
}
