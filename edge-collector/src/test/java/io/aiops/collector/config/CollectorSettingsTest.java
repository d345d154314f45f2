package io.aiops.collector.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorSettingsTest {
  private static final Map<String, String> REQUIRED =
      Map.of("bootstrap-servers", "kafka-1:9092", "schema-registry-url", "http://registry:8081");

  @TempDir Path dir;

  @Test
  void defaultsApplyWhenNothingIsGiven() {
    CollectorSettings settings = CollectorSettings.resolve(REQUIRED, List.of(), Map.of());

    assertEquals(Duration.ofSeconds(10), settings.interval());
    assertEquals(Path.of("/var/lib/aiops/spool"), settings.spoolDir());
    assertFalse(settings.spoolDirGiven());
    assertEquals(256L << 20, settings.spoolMaxBytes());
    assertEquals(9465, settings.metricsPort());
    assertEquals("127.0.0.1", settings.metricsAddress());
    assertEquals(16L << 20, settings.sampling().selection().rssFloorBytes());
    assertEquals(50, settings.sampling().selection().topN());
    assertEquals(Path.of("/proc"), settings.sampling().paths().procRoot());
    assertEquals(Path.of("/sys/fs/cgroup"), settings.sampling().paths().cgroupRoot());
    assertEquals(Map.of(), settings.producerProperties());
  }

  @Test
  void optionBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
    Path file =
        write(
            "collector.properties", "interval=30s\nspool-max-bytes=1GiB\ntop=7\nrss-floor=1MiB\n");
    Map<String, String> environment =
        Map.of(
            "AIOPS_BOOTSTRAP_SERVERS", "env-kafka:9092",
            "AIOPS_SCHEMA_REGISTRY_URL", "http://env-registry:8081",
            "AIOPS_INTERVAL", "20s",
            "AIOPS_SPOOL_MAX_BYTES", "512MiB",
            "AIOPS_CONFIG", file.toString());
    Map<String, String> options = Map.of("interval", "5s");

    CollectorSettings settings = CollectorSettings.resolve(options, List.of(), environment);

    assertEquals(Duration.ofSeconds(5), settings.interval(), "option over environment and file");
    assertEquals(512L << 20, settings.spoolMaxBytes(), "environment over file");
    assertEquals(7, settings.sampling().selection().topN(), "file over default");
    assertEquals(1L << 20, settings.sampling().selection().rssFloorBytes(), "file over default");
    assertEquals(9465, settings.metricsPort(), "default when no source has it");
    assertEquals("env-kafka:9092", settings.bootstrapServers());
  }

  @Test
  void anEmptyEnvironmentVariableCountsAsUnset() {
    Map<String, String> environment = Map.of("AIOPS_INTERVAL", "");
    assertEquals(
        Duration.ofSeconds(10),
        CollectorSettings.resolve(REQUIRED, List.of(), environment).interval());
  }

  @Test
  void bootstrapServersAreRequiredAndTheErrorSaysHowToGiveThem() {
    SettingException e =
        assertThrows(
            SettingException.class,
            () ->
                CollectorSettings.resolve(
                    Map.of("schema-registry-url", "http://r:8081"), List.of(), Map.of()));
    assertEquals(
        "--bootstrap-servers is required (or set AIOPS_BOOTSTRAP_SERVERS)", e.getMessage());
  }

  @Test
  void aBadValueNamesTheOptionAndWhereItCameFrom() {
    SettingException fromOption =
        assertThrows(
            SettingException.class,
            () -> CollectorSettings.resolve(with("interval", "soon"), List.of(), Map.of()));
    assertEquals(
        "--interval 'soon' is not a duration (examples: 500ms, 10s, 5m, 2h)",
        fromOption.getMessage());

    SettingException fromEnvironment =
        assertThrows(
            SettingException.class,
            () ->
                CollectorSettings.resolve(
                    REQUIRED, List.of(), Map.of("AIOPS_SPOOL_MAX_BYTES", "lots")));
    assertTrue(fromEnvironment.getMessage().startsWith("--spool-max-bytes 'lots' is not a size"));
    assertTrue(fromEnvironment.getMessage().endsWith("(from AIOPS_SPOOL_MAX_BYTES)"));
  }

  @Test
  void outOfRangeValuesAreRejected() {
    assertThrows(
        SettingException.class,
        () -> CollectorSettings.resolve(with("interval", "10ms"), List.of(), Map.of()));
    assertThrows(
        SettingException.class,
        () -> CollectorSettings.resolve(with("metrics-port", "70000"), List.of(), Map.of()));
    assertThrows(
        SettingException.class,
        () -> CollectorSettings.resolve(with("spool-max-bytes", "1KiB"), List.of(), Map.of()));
    assertThrows(
        SettingException.class,
        () -> CollectorSettings.resolve(with("top", "-1"), List.of(), Map.of()));
    SettingException url =
        assertThrows(
            SettingException.class,
            () ->
                CollectorSettings.resolve(
                    with("schema-registry-url", "registry:8081"), List.of(), Map.of()));
    assertEquals(
        "--schema-registry-url 'registry:8081' must be an http:// or https:// URL",
        url.getMessage());
  }

  @Test
  void metricsPortZeroMeansNoEndpoint() {
    assertEquals(
        0, CollectorSettings.resolve(with("metrics-port", "0"), List.of(), Map.of()).metricsPort());
  }

  @Test
  void aProcRootWithoutMeminfoIsRejectedAtStart() {
    SettingException e =
        assertThrows(
            SettingException.class,
            () ->
                CollectorSettings.resolve(with("proc-root", dir.toString()), List.of(), Map.of()));
    assertTrue(e.getMessage().startsWith("--proc-root '" + dir + "' has no readable meminfo"));
  }

  @Test
  void unknownKeysInTheConfigFileAreNamed() throws IOException {
    Path file = write("collector.properties", "intervall=10s\n");
    SettingException e =
        assertThrows(
            SettingException.class,
            () -> CollectorSettings.resolve(with("config", file.toString()), List.of(), Map.of()));
    assertTrue(e.getMessage().contains("unknown settings [intervall]"), e.getMessage());
  }

  @Test
  void producerPropertiesComeFromTheFileWithMinusXOnTop() throws IOException {
    Path kafka =
        write(
            "kafka.properties", "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nlinger.ms=50\n");
    CollectorSettings settings =
        CollectorSettings.resolve(
            with("producer-config", kafka.toString()),
            List.of("linger.ms=100", "ssl.endpoint.identification.algorithm="),
            Map.of());

    assertEquals(
        Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "PLAIN",
            "linger.ms", "100",
            "ssl.endpoint.identification.algorithm", ""),
        settings.producerProperties());
    assertEquals("100", settings.producerSettings().toProducerConfig("c").get("linger.ms"));
  }

  @Test
  void theProducerBufferFitsTheCollectorsHeapUnlessTheOperatorSaysOtherwise() {
    assertEquals(
        "4194304",
        CollectorSettings.resolve(REQUIRED, List.of(), Map.of())
            .producerSettings()
            .toProducerConfig("c")
            .get("buffer.memory"));
    assertEquals(
        "16777216",
        CollectorSettings.resolve(REQUIRED, List.of("buffer.memory=16777216"), Map.of())
            .producerSettings()
            .toProducerConfig("c")
            .get("buffer.memory"));
  }

  @Test
  void jmxReporterAndTelemetryPushAreOffUnlessTheOperatorTurnsThemOn() {
    Map<String, Object> defaults =
        CollectorSettings.resolve(REQUIRED, List.of(), Map.of())
            .producerSettings()
            .toProducerConfig("c");
    assertEquals("", defaults.get("metric.reporters"));
    assertEquals("false", defaults.get("enable.metrics.push"));
    assertEquals(
        "org.apache.kafka.common.metrics.JmxReporter",
        CollectorSettings.resolve(
                REQUIRED,
                List.of("metric.reporters=org.apache.kafka.common.metrics.JmxReporter"),
                Map.of())
            .producerSettings()
            .toProducerConfig("c")
            .get("metric.reporters"));
  }

  @Test
  void minusXMustBeKeyEqualsValueAndCannotMoveTheBootstrapServers() {
    SettingException malformed =
        assertThrows(
            SettingException.class,
            () -> CollectorSettings.resolve(REQUIRED, List.of("security.protocol"), Map.of()));
    assertTrue(malformed.getMessage().startsWith("-X 'security.protocol' must be key=value"));
    assertThrows(
        SettingException.class,
        () -> CollectorSettings.resolve(REQUIRED, List.of("bootstrap.servers=x:9092"), Map.of()));
  }

  @Test
  void secretsNeverAppearInTheSettingsText() {
    CollectorSettings settings =
        CollectorSettings.resolve(
            REQUIRED,
            List.of(
                "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username=\"u\" password=\"hunter2\";",
                "ssl.keystore.password=kspass",
                "ssl.key.password=keypass",
                "ssl.keystore.key=-----BEGIN PRIVATE KEY-----",
                "security.protocol=SASL_SSL"),
            Map.of());

    String text = settings.toString();
    for (String secret : List.of("hunter2", "kspass", "keypass", "BEGIN PRIVATE KEY")) {
      assertFalse(text.contains(secret), "leaks " + secret + ": " + text);
    }
    assertTrue(text.contains("security.protocol=SASL_SSL"), text);
    assertTrue(text.contains("sasl.jaas.config=[hidden]"), text);
  }

  private static Map<String, String> with(String setting, String value) {
    Map<String, String> options = new java.util.HashMap<>(REQUIRED);
    options.put(setting, value);
    return options;
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
