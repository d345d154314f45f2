package io.aiops.infra.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.schemas.topic.TopicNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {
  private static final short ONE_REPLICA = 1;

  private final Map<String, NewTopic> topics =
      TopicLayout.defaults().newTopics(ONE_REPLICA).stream()
          .collect(Collectors.toMap(NewTopic::name, Function.identity()));

  @Test
  void definesEveryDataTopicAndTheSchemasTopicOnce() {
    List<NewTopic> all = TopicLayout.defaults().newTopics(ONE_REPLICA);
    assertEquals(TopicNames.DATA_TOPICS.size() + 1, all.size(), "one entry per topic");
    assertTrue(topics.keySet().containsAll(TopicNames.DATA_TOPICS));
    assertTrue(topics.containsKey(TopicNames.SCHEMAS));
  }

  @Test
  void spreadsSamplesAndTrendsOverSixPartitions() {
    assertEquals(6, topics.get(TopicNames.SAMPLES).numPartitions());
    assertEquals(6, topics.get(TopicNames.TRENDS).numPartitions());
  }

  @Test
  void givesOomEventsAndAnomaliesThreePartitionsAndTheDlqOne() {
    assertEquals(3, topics.get(TopicNames.OOM_EVENTS).numPartitions());
    assertEquals(3, topics.get(TopicNames.ANOMALIES).numPartitions());
    assertEquals(1, topics.get(TopicNames.DLQ).numPartitions());
  }

  @Test
  void keepsSamplesAndTrendsAWeekAndEventsAndAnomaliesThirtyDays() {
    assertRetention(TopicNames.SAMPLES, Duration.ofDays(7));
    assertRetention(TopicNames.TRENDS, Duration.ofDays(7));
    assertRetention(TopicNames.OOM_EVENTS, Duration.ofDays(30));
    assertRetention(TopicNames.ANOMALIES, Duration.ofDays(30));
    assertRetention(TopicNames.DLQ, Duration.ofDays(14));
  }

  @Test
  void deletesOldDataButCompactsTheSchemasTopic() {
    for (String topic : TopicNames.DATA_TOPICS) {
      assertEquals("delete", topics.get(topic).configs().get("cleanup.policy"), topic);
    }
    NewTopic schemas = topics.get(TopicNames.SCHEMAS);
    assertEquals("compact", schemas.configs().get("cleanup.policy"));
    assertEquals(1, schemas.numPartitions(), "one partition keeps registrations in order");
    assertEquals(null, schemas.configs().get("retention.ms"), "compacted, never expired");
  }

  @Test
  void usesTheGivenReplicationFactorForEveryTopic() {
    for (NewTopic topic : TopicLayout.defaults().newTopics((short) 3)) {
      assertEquals(Optional.of((short) 3), Optional.of(topic.replicationFactor()), topic.name());
    }
  }

  @Test
  void rejectsAReplicationFactorBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> TopicLayout.defaults().newTopics((short) 0));
  }

  private void assertRetention(String topic, Duration retention) {
    assertEquals(
        Long.toString(retention.toMillis()),
        topics.get(topic).configs().get("retention.ms"),
        topic);
  }
}
