package io.aiops.cli.detect;

import io.aiops.schemas.topic.TopicNames;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Turns time retention off on the replay broker's topics. A replay's samples are history, older
 * than any retention: the broker rolls a new segment for each batch whose timestamps are older than
 * a segment's lifetime, and its first retention check, 30 s after start, deletes every closed one.
 * On a loaded machine a replay outlasted that and lost samples and anomalies on their way through.
 * The broker is private to the replay and thrown away after it, so nothing needs expiring.
 */
final class ReplayRetention {
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private ReplayRetention() {}

  static void keepEverything(String bootstrapServers) {
    Collection<AlterConfigOp> keep =
        List.of(
            new AlterConfigOp(
                new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, "-1"), AlterConfigOp.OpType.SET));
    Map<ConfigResource, Collection<AlterConfigOp>> changes =
        TopicNames.DATA_TOPICS.stream()
            .collect(
                Collectors.toMap(
                    topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic), topic -> keep));
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin
          .incrementalAlterConfigs(changes)
          .all()
          .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot keep the replay's records: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while setting up the replay", e);
    }
  }
}
