package io.aiops.collector.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** A Java properties file read whole, or one line naming the option that pointed at it. */
final class PropertiesFile {
  private PropertiesFile() {}

  static Map<String, String> read(String setting, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SettingException("--" + setting + " '" + file + "' is not a file");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new SettingException(
          "--" + setting + " '" + file + "' cannot be read: " + e.getMessage());
    }
    Map<String, String> values = new TreeMap<>();
    properties
        .stringPropertyNames()
        .forEach(key -> values.put(key.trim(), properties.getProperty(key).trim()));
    return values;
  }
}
