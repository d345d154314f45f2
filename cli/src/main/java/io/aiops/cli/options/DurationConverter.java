package io.aiops.cli.options;

import io.aiops.collector.config.SettingText;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as options take them: the collector's reading of what operators write (500ms, 90s, 5m,
 * 2h, 1d, 0, or ISO-8601 such as PT2H), so the agent and the commands agree.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  public static Duration parse(String value) {
    return SettingText.duration(value)
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "'" + value + "' is not a duration (examples: 500ms, 90s, 5m, 2h, 1d)"));
  }
}
