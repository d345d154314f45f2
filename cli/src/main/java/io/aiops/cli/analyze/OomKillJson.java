package io.aiops.cli.analyze;

import io.aiops.cli.render.JsonLine;
import io.aiops.collector.kmsg.OomKill;
import io.aiops.collector.kmsg.OomKillFields;

/** The DESIGN.md JSON line of {@code aiops analyze oom --format json}: the contract field names. */
final class OomKillJson {
  private OomKillJson() {}

  static String line(OomKill kill) {
    return JsonLine.of(OomKillFields.of(kill));
  }
}
