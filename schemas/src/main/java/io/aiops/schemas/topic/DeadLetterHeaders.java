package io.aiops.schemas.topic;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers every stage puts on a record it sends to {@code memory.dlq.v1}: which stage rejected
 * it, why, and where it came from, so it can be inspected and replayed.
 */
public final class DeadLetterHeaders {
  public static final String STAGE = "aiops.dlq.stage";
  public static final String REASON = "aiops.dlq.reason";
  public static final String SOURCE_TOPIC = "aiops.dlq.source.topic";
  public static final String SOURCE_PARTITION = "aiops.dlq.source.partition";
  public static final String SOURCE_OFFSET = "aiops.dlq.source.offset";

  private DeadLetterHeaders() {}

  /** Headers naming the rejecting stage, the reason and the source position. */
  public static Headers of(
      String stage, String reason, String sourceTopic, int sourcePartition, long sourceOffset) {
    Headers headers = new RecordHeaders();
    add(headers, STAGE, stage);
    add(headers, REASON, reason);
    add(headers, SOURCE_TOPIC, sourceTopic);
    add(headers, SOURCE_PARTITION, Integer.toString(sourcePartition));
    add(headers, SOURCE_OFFSET, Long.toString(sourceOffset));
    return headers;
  }

  /** The value of one header as text, or null when absent. */
  public static String read(Headers headers, String name) {
    var header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
  }
}
