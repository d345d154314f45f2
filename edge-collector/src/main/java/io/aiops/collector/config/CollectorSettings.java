package io.aiops.collector.config;

import io.aiops.collector.delivery.ProducerSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Everything the collector agent runs with, validated at start. Filled from options, {@code
 * AIOPS_*} variables and the {@code --config} properties file, in that order of precedence (see
 * {@link SettingSources}); Kafka client settings come separately through {@link
 * ProducerProperties}.
 *
 * @param spoolDirGiven whether the spool directory was asked for, rather than the default: only the
 *     default falls back to ./aiops-spool when it cannot be written
 * @param metricsPort 0 turns the metrics endpoint off
 */
public record CollectorSettings(
    String bootstrapServers,
    String schemaRegistryUrl,
    Duration interval,
    Path spoolDir,
    boolean spoolDirGiven,
    long spoolMaxBytes,
    int metricsPort,
    String metricsAddress,
    SamplingSettings sampling,
    Map<String, String> producerProperties) {

  public static final String BOOTSTRAP_SERVERS = "bootstrap-servers";
  public static final String SCHEMA_REGISTRY_URL = "schema-registry-url";
  public static final String INTERVAL = "interval";
  public static final String SPOOL_DIR = "spool-dir";
  public static final String SPOOL_MAX_BYTES = "spool-max-bytes";
  public static final String METRICS_PORT = "metrics-port";
  public static final String METRICS_ADDRESS = "metrics-address";
  public static final String PRODUCER_CONFIG = ProducerProperties.SETTING;
  public static final String CONFIG = "config";

  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
  public static final Path DEFAULT_SPOOL_DIR = Path.of("/var/lib/aiops/spool");
  public static final long DEFAULT_SPOOL_MAX_BYTES = 256L << 20;
  public static final int DEFAULT_METRICS_PORT = 9465;
  // Loopback by default: a fleet-wide open port is the operator's decision (the DaemonSet makes
  // it).
  public static final String DEFAULT_METRICS_ADDRESS = "127.0.0.1";

  /** Settings a --config file may hold: every agent option except the file itself. */
  public static final Set<String> FILE_KEYS =
      Set.of(
          BOOTSTRAP_SERVERS,
          SCHEMA_REGISTRY_URL,
          INTERVAL,
          SPOOL_DIR,
          SPOOL_MAX_BYTES,
          METRICS_PORT,
          METRICS_ADDRESS,
          PRODUCER_CONFIG,
          SamplingSettings.PROC_ROOT,
          SamplingSettings.SYS_ROOT,
          SamplingSettings.MACHINE_ID_FILE,
          SamplingSettings.RSS_FLOOR,
          SamplingSettings.TOP);

  public CollectorSettings {
    producerProperties = Map.copyOf(producerProperties);
  }

  /**
   * Resolves the settings from the given options (long names without dashes, only those typed), the
   * {@code -X key=value} producer overrides and the environment; reads the --config file when one
   * is named.
   */
  public static CollectorSettings resolve(
      Map<String, String> options,
      List<String> producerOverrides,
      Map<String, String> environment) {
    SettingSources withoutFile = SettingSources.of(options, environment);
    SettingSources sources =
        withoutFile
            .given(CONFIG)
            .map(g -> Path.of(g.text().trim()))
            .map(file -> new SettingSources(options, environment, readFile(file), file.toString()))
            .orElse(withoutFile);
    return from(sources, producerOverrides);
  }

  static CollectorSettings from(SettingSources sources, List<String> producerOverrides) {
    String bootstrap = sources.requiredText(BOOTSTRAP_SERVERS);
    String registry = sources.requiredText(SCHEMA_REGISTRY_URL);
    if (!registry.startsWith("http://") && !registry.startsWith("https://")) {
      throw sources
          .given(SCHEMA_REGISTRY_URL)
          .orElseThrow()
          .bad("must be an http:// or https:// URL");
    }
    return new CollectorSettings(
        bootstrap,
        registry,
        sources.duration(INTERVAL, DEFAULT_INTERVAL, Duration.ofMillis(100), Duration.ofHours(1)),
        sources.path(SPOOL_DIR, DEFAULT_SPOOL_DIR),
        sources.given(SPOOL_DIR).isPresent(),
        sources.bytes(SPOOL_MAX_BYTES, DEFAULT_SPOOL_MAX_BYTES, 1L << 20),
        sources.integer(METRICS_PORT, DEFAULT_METRICS_PORT, 0, 65_535),
        metricsAddress(sources),
        SamplingSettings.from(sources),
        ProducerProperties.read(sources, producerOverrides));
  }

  /**
   * The producer's settings: the collector's defaults with the operator's properties on top.
   * buffer.memory is capped because the producer's default (32 MiB) is more than the collector's
   * whole heap: 4 MiB still holds an hour of samples while the broker is away. Operators may set
   * any of these back (metric.reporters, enable.metrics.push) with -X or --producer-config.
   */
  public ProducerSettings producerSettings() {
    Map<String, String> properties = new TreeMap<>(PRODUCER_DEFAULTS);
    properties.putAll(producerProperties);
    return new ProducerSettings(bootstrapServers, properties);
  }

  static final Map<String, String> PRODUCER_DEFAULTS =
      Map.of(
          ProducerConfig.BUFFER_MEMORY_CONFIG,
          Long.toString(4L << 20),
          // The collector reports its own metrics (Prometheus endpoint): the JMX reporter and the
          // client-telemetry push (KIP-714) would each load a hundred-odd classes on every host.
          ProducerConfig.METRIC_REPORTER_CLASSES_CONFIG,
          "",
          ProducerConfig.ENABLE_METRICS_PUSH_CONFIG,
          "false");

  /** Secrets hidden: this is what start-up logs print. */
  @Override
  public String toString() {
    return "bootstrap-servers="
        + bootstrapServers
        + " schema-registry-url="
        + schemaRegistryUrl
        + " interval="
        + DurationWords.of(interval)
        + " spool-dir="
        + spoolDir
        + " spool-max-bytes="
        + spoolMaxBytes
        + " metrics="
        + (metricsPort == 0 ? "off" : metricsAddress + ":" + metricsPort)
        + " proc-root="
        + sampling.paths().procRoot()
        + " rss-floor="
        + sampling.selection().rssFloorBytes()
        + " top="
        + sampling.selection().topN()
        + " producer="
        + ProducerProperties.redacted(producerProperties);
  }

  private static Map<String, String> readFile(Path file) {
    Map<String, String> values = PropertiesFile.read(CONFIG, file);
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(FILE_KEYS);
    if (!unknown.isEmpty()) {
      throw new SettingException(
          "--"
              + CONFIG
              + " '"
              + file
              + "' has unknown settings "
              + unknown
              + "; known: "
              + new TreeSet<>(FILE_KEYS));
    }
    return values;
  }

  private static String metricsAddress(SettingSources sources) {
    String address = sources.text(METRICS_ADDRESS, DEFAULT_METRICS_ADDRESS);
    try {
      InetAddress.getByName(address);
      return address;
    } catch (UnknownHostException e) {
      throw sources.given(METRICS_ADDRESS).orElseThrow().bad("is not a host name or address");
    }
  }
}
