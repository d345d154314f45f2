package io.aiops.cli.analyze;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.collector.kmsg.OomKill;
import io.aiops.collector.kmsg.OomKillFields;

/** The DESIGN.md JSON line of {@code aiops analyze oom --format json}: the contract field names. */
final class OomKillJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OomKillJson() {}

  static String line(OomKill kill) {
    try {
      return JSON.writeValueAsString(OomKillFields.of(kill));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings and numbers always serialises", e);
    }
  }
}
