package io.aiops.collector.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where each setting of a deployable comes from, highest precedence first: the command-line option,
 * the {@code AIOPS_*} environment variable, the properties file, the default. A setting is named as
 * its long option without dashes ({@code spool-max-bytes}); its variable is {@code
 * AIOPS_SPOOL_MAX_BYTES} and its file key {@code spool-max-bytes}. A bad value fails with one line
 * naming the option and, when it did not come from the command line, where it came from.
 */
public record SettingSources(
    Map<String, String> options,
    Map<String, String> environment,
    Map<String, String> file,
    String fileLabel) {

  public SettingSources {
    options = Map.copyOf(options);
    environment = Map.copyOf(environment);
    file = Map.copyOf(file);
  }

  /** Options and environment only, for commands without a settings file. */
  public static SettingSources of(Map<String, String> options, Map<String, String> environment) {
    return new SettingSources(options, environment, Map.of(), "");
  }

  public static String environmentName(String setting) {
    return "AIOPS_" + setting.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** The text given for a setting, from the most important source that has it. */
  public Optional<Given> given(String setting) {
    String fromOption = options.get(setting);
    if (fromOption != null) {
      return Optional.of(new Given(setting, fromOption, ""));
    }
    String variable = environmentName(setting);
    String fromEnvironment = environment.get(variable);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return Optional.of(new Given(setting, fromEnvironment, " (from " + variable + ")"));
    }
    String fromFile = file.get(setting);
    if (fromFile != null) {
      return Optional.of(new Given(setting, fromFile, " (from " + fileLabel + ")"));
    }
    return Optional.empty();
  }

  public String text(String setting, String defaultValue) {
    return given(setting).map(g -> g.text().trim()).orElse(defaultValue);
  }

  /** The text of a setting that has no default: missing is an error that says how to give it. */
  public String requiredText(String setting) {
    return given(setting)
        .map(g -> g.text().trim())
        .filter(text -> !text.isEmpty())
        .orElseThrow(
            () ->
                new SettingException(
                    "--" + setting + " is required (or set " + environmentName(setting) + ")"));
  }

  public Duration duration(String setting, Duration defaultValue, Duration min, Duration max) {
    Optional<Given> given = given(setting);
    if (given.isEmpty()) {
      return defaultValue;
    }
    Given g = given.get();
    Duration value =
        SettingText.duration(g.text())
            .orElseThrow(() -> g.bad("is not a duration (examples: 500ms, 10s, 5m, 2h)"));
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw g.bad("must be between " + DurationWords.of(min) + " and " + DurationWords.of(max));
    }
    return value;
  }

  public long bytes(String setting, long defaultValue, long min) {
    Optional<Given> given = given(setting);
    if (given.isEmpty()) {
      return defaultValue;
    }
    Given g = given.get();
    long value =
        SettingText.bytes(g.text())
            .orElseThrow(() -> g.bad("is not a size (examples: 16MiB, 1GiB, 500MB, 1048576)"));
    if (value < min) {
      throw g.bad("must be at least " + min + " bytes");
    }
    return value;
  }

  public int integer(String setting, int defaultValue, int min, int max) {
    Optional<Given> given = given(setting);
    if (given.isEmpty()) {
      return defaultValue;
    }
    Given g = given.get();
    int value;
    try {
      value = Integer.parseInt(g.text().trim());
    } catch (NumberFormatException e) {
      throw g.bad("is not a whole number");
    }
    if (value < min || value > max) {
      throw g.bad("must be between " + min + " and " + max);
    }
    return value;
  }

  public Path path(String setting, Path defaultValue) {
    return given(setting).map(g -> Path.of(g.text().trim())).orElse(defaultValue);
  }

  /** A setting's text and where it came from (empty for the command line). */
  public record Given(String setting, String text, String origin) {
    public SettingException bad(String problem) {
      return new SettingException("--" + setting + " '" + text + "' " + problem + origin);
    }
  }
}
