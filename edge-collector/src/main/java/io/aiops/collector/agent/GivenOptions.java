package io.aiops.collector.agent;

import java.util.Map;

/** Options are read as text so that precedence and error messages are decided in one place. */
final class GivenOptions {
  private GivenOptions() {}

  static void put(Map<String, String> given, String setting, String value) {
    if (value != null) {
      given.put(setting, value);
    }
  }
}
