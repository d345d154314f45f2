package io.aiops.infra.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.infra.testing.EmbeddedStackExtension;
import io.aiops.infra.topics.TopicLayout;
import io.aiops.schemas.topic.TopicNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedStackExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalStackIT {
  private static LocalStack startedBeforeAll;

  private final LocalStack injected;

  LocalStackIT(LocalStack stack) {
    this.injected = stack;
  }

  @BeforeAll
  static void remember(LocalStack stack) {
    startedBeforeAll = stack;
  }

  @Test
  void createsEveryTopicWithItsPartitionCount(LocalStack stack) throws Exception {
    Map<String, Integer> expected =
        TopicLayout.defaults().newTopics((short) 1).stream()
            .collect(Collectors.toMap(NewTopic::name, NewTopic::numPartitions));
    try (Admin admin = admin(stack)) {
      Map<String, TopicDescription> described =
          admin.describeTopics(expected.keySet()).allTopicNames().get(10, TimeUnit.SECONDS);

      Map<String, Integer> actual =
          described.values().stream()
              .collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size()));
      assertEquals(expected, actual);
    }
  }

  @Test
  void compactsTheSchemasTopicAndExpiresSamplesAfterSevenDays(LocalStack stack) throws Exception {
    ConfigResource schemas = new ConfigResource(ConfigResource.Type.TOPIC, TopicNames.SCHEMAS);
    ConfigResource samples = new ConfigResource(ConfigResource.Type.TOPIC, TopicNames.SAMPLES);
    try (Admin admin = admin(stack)) {
      Map<ConfigResource, Config> configs =
          admin.describeConfigs(List.of(schemas, samples)).all().get(10, TimeUnit.SECONDS);

      assertEquals("compact", configs.get(schemas).get("cleanup.policy").value());
      assertEquals("604800000", configs.get(samples).get("retention.ms").value());
    }
  }

  @Test
  void creatingTheTopicsAgainChangesNothing(LocalStack stack) throws Exception {
    try (Admin admin = admin(stack)) {
      TopicLayout.defaults().ensureCreated(admin, (short) 1);

      assertTrue(admin.listTopics().names().get().containsAll(TopicNames.DATA_TOPICS));
    }
  }

  @Test
  void servesTheRegistryAndKeepsKafkaDataInItsDataDir(LocalStack stack) throws Exception {
    HttpResponse<String> config =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + "/config")).build(),
                HttpResponse.BodyHandlers.ofString());

    assertEquals(200, config.statusCode());
    assertTrue(Files.exists(stack.dataDir().resolve("kafka").resolve("meta.properties")));
    assertTrue(stack.bootstrapServers().startsWith("localhost:"));
  }

  @Test
  void givesTheSameStackToTheConstructorBeforeAllAndTestMethods(LocalStack stack) {
    assertSame(injected, stack);
    assertSame(startedBeforeAll, stack);
  }

  private static Admin admin(LocalStack stack) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()));
  }
}
