package io.aiops.schemas.topic;

import java.util.List;

/** The names of the product's topics (DESIGN.md, "Topics (v1)"). */
public final class TopicNames {
  public static final String SAMPLES = "memory.samples.v1";
  public static final String OOM_EVENTS = "memory.oom-events.v1";
  public static final String TRENDS = "memory.trends.v1";
  public static final String ANOMALIES = "memory.anomalies.v1";
  public static final String DLQ = "memory.dlq.v1";

  /** The compacted topic the embedded schema registry keeps its schemas in. */
  public static final String SCHEMAS = "_schemas";

  public static final List<String> DATA_TOPICS =
      List.of(SAMPLES, OOM_EVENTS, TRENDS, ANOMALIES, DLQ);

  private TopicNames() {}

  /** The registry subject of a topic's values (Confluent TopicNameStrategy). */
  public static String valueSubject(String topic) {
    return topic + "-value";
  }
}
