package io.aiops.collector.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Kafka client settings passed through to the collector's producer (security.protocol, ssl.*,
 * sasl.*, ...): the {@code --producer-config} file, then {@code -X key=value} on top. Values that
 * may be secrets never reach a log line: {@link #redacted} hides them.
 */
public final class ProducerProperties {
  static final String SETTING = "producer-config";
  private static final List<String> SECRET_WORDS =
      List.of("password", "secret", "jaas", "credentials", "token");

  private ProducerProperties() {}

  static Map<String, String> read(SettingSources sources, List<String> overrides) {
    Map<String, String> properties = new TreeMap<>();
    sources
        .given(SETTING)
        .ifPresent(g -> properties.putAll(PropertiesFile.read(SETTING, Path.of(g.text().trim()))));
    for (String override : overrides) {
      int equals = override.indexOf('=');
      if (equals <= 0) {
        throw new SettingException(
            "-X '" + override + "' must be key=value, e.g. -X security.protocol=SSL");
      }
      properties.put(override.substring(0, equals).trim(), override.substring(equals + 1).trim());
    }
    if (properties.containsKey("bootstrap.servers")) {
      throw new SettingException(
          "bootstrap.servers in the producer settings: give it as --bootstrap-servers");
    }
    requireCodecPresent(properties.get("compression.type"));
    return properties;
  }

  /** The same settings with every value that may be a secret replaced, for logs and toString. */
  public static Map<String, String> redacted(Map<String, String> properties) {
    Map<String, String> shown = new TreeMap<>();
    properties.forEach((key, value) -> shown.put(key, isSecret(key) ? "[hidden]" : value));
    return shown;
  }

  static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    // ssl.keystore.key is a PEM private key; *.password and sasl.jaas.config hold credentials.
    return k.endsWith(".key") || SECRET_WORDS.stream().anyMatch(k::contains);
  }

  /**
   * The standalone collector jar leaves out the zstd and snappy native libraries (lz4 is the
   * collector's codec); asking for one there is a clear error at start instead of a crash later.
   */
  private static void requireCodecPresent(String compressionType) {
    if (compressionType == null) {
      return;
    }
    String codecClass =
        switch (compressionType.trim().toLowerCase(Locale.ROOT)) {
          case "zstd" -> "com.github.luben.zstd.Zstd";
          case "snappy" -> "org.xerial.snappy.Snappy";
          default -> null;
        };
    if (codecClass == null) {
      return;
    }
    try {
      Class.forName(codecClass, false, ProducerProperties.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new SettingException(
          "compression.type="
              + compressionType
              + " is not available in this collector build; use lz4 (the default), gzip or none");
    }
  }
}
