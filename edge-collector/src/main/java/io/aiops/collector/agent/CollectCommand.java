package io.aiops.collector.agent;

import io.aiops.collector.config.CollectorSettings;
import io.aiops.collector.config.SettingException;
import io.aiops.collector.delivery.CollectorDelivery;
import io.aiops.collector.host.HostIdentity;
import io.aiops.collector.kmsg.KernelLogSources;
import io.aiops.collector.kmsg.OomKillWatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aiops collect}: the collector agent, sampling this host into Kafka until stopped. */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    versionProvider = CollectorVersion.class,
    sortOptions = false,
    subcommands = {CollectMemoryCommand.class},
    description = {
      "Runs the collector agent: samples this host's memory (/proc, cgroups) every --interval and"
          + " publishes each HostMemorySample to memory.samples.v1, keyed by host_id, until"
          + " SIGTERM or Ctrl-C. Self-metrics in the Prometheus format at /metrics.",
      "",
      "Each setting is taken from its option, else its AIOPS_* variable (e.g."
          + " AIOPS_BOOTSTRAP_SERVERS, AIOPS_SPOOL_MAX_BYTES), else the --config file (keys as"
          + " the option names: interval=10s), else the default.",
    },
    footer = {
      "",
      "Examples:",
      "  aiops collect --bootstrap-servers kafka-1:9092 \\",
      "      --schema-registry-url http://registry:8081",
      "  aiops collect --config /etc/aiops/collector.properties \\",
      "      --producer-config /etc/aiops/kafka-producer.properties",
      "  aiops collect memory --count 1 --format json",
      "",
      "The standalone jar is the same command: java -jar aiops-collector.jar [OPTIONS].",
      "Exit status: 0 stopped cleanly, 1 failure at run time, 2 bad settings.",
    })
public final class CollectCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(CollectCommand.class);

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT,...",
      description = "Kafka brokers (required; AIOPS_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      paramLabel = "URL",
      description = "Schema registry (required; AIOPS_SCHEMA_REGISTRY_URL).")
  String schemaRegistryUrl;

  @Option(
      names = "--interval",
      paramLabel = "D",
      description = "Time between samples (default: 10s).")
  String interval;

  @Option(
      names = "--spool-dir",
      paramLabel = "DIR",
      description =
          "Where records wait while the broker is unreachable (default: /var/lib/aiops/spool,"
              + " or ./aiops-spool when that cannot be written).")
  String spoolDir;

  @Option(
      names = "--spool-max-bytes",
      paramLabel = "SIZE",
      description = "Spool size cap; oldest records go first beyond it (default: 256MiB).")
  String spoolMaxBytes;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      description = "Self-metrics port, 0 for none (default: 9465).")
  String metricsPort;

  @Option(
      names = "--metrics-address",
      paramLabel = "ADDR",
      description =
          "Address the metrics endpoint listens on (default: 127.0.0.1; 0.0.0.0 for all).")
  String metricsAddress;

  @Option(
      names = "--producer-config",
      paramLabel = "FILE",
      description = "Kafka client properties passed through: security.protocol, ssl.*, sasl.*, ...")
  String producerConfig;

  @Option(
      names = "-X",
      paramLabel = "KEY=VALUE",
      description = "One Kafka client property, on top of --producer-config; repeatable.")
  List<String> producerOverrides = new ArrayList<>();

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file of the settings above (AIOPS_CONFIG).")
  String config;

  @Mixin SamplingOptions sampling;

  /** The environment settings come from; tests give their own. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws InterruptedException {
    CollectorSettings settings = settings();
    SpoolDirectory spool = usage(() -> SpoolDirectory.prepare(settings));
    LOG.info("collector {} starting: {}", CollectorVersion.VERSION, settings);
    if (!spool.note().isEmpty()) {
      LOG.warn("{}", spool.note());
    }
    try (StopSignal stop =
        StopSignal.onShutdown(CollectorAgent.DELIVERY_CLOSE_BOUND.plusSeconds(5))) {
      CollectorDelivery delivery = usage(() -> CollectorDeliveries.open(settings, spool));
      try (CollectorAgent agent = CollectorAgent.start(settings, delivery)) {
        LOG.info(
            "sampling every {} ms{}",
            settings.interval().toMillis(),
            agent.metricsPort() < 0
                ? ", metrics off"
                : ", metrics at http://"
                    + settings.metricsAddress()
                    + ":"
                    + agent.metricsPort()
                    + "/metrics");
        try (OomKillWatcher watcher = startOomKillWatcher(settings, spool, agent)) {
          stop.await();
        }
        LOG.info(
            "stopping: handing over the last records (up to {} s)",
            CollectorAgent.DELIVERY_CLOSE_BOUND.toSeconds());
      }
    }
    return CommandLine.ExitCode.OK;
  }

  /**
   * Follows the kernel log for OOM kills and publishes each through the agent. Where no kernel log
   * is readable (no root, CAP_SYSLOG or journal access), the watcher says so once and sampling
   * carries on. Its progress file sits beside the spool, so a restart does not re-report kills.
   */
  private static OomKillWatcher startOomKillWatcher(
      CollectorSettings settings, SpoolDirectory spool, CollectorAgent agent) {
    HostIdentity identity = HostIdentity.read(settings.sampling().paths());
    return OomKillWatcher.start(
        KernelLogSources.thisHost(true),
        identity.hostId(),
        identity.bootId(),
        spool.path().resolveSibling(spool.path().getFileName() + ".oom-watcher"),
        agent::publishOomKill);
  }

  CollectorSettings settings() {
    Map<String, String> given = new LinkedHashMap<>();
    GivenOptions.put(given, CollectorSettings.BOOTSTRAP_SERVERS, bootstrapServers);
    GivenOptions.put(given, CollectorSettings.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
    GivenOptions.put(given, CollectorSettings.INTERVAL, interval);
    GivenOptions.put(given, CollectorSettings.SPOOL_DIR, spoolDir);
    GivenOptions.put(given, CollectorSettings.SPOOL_MAX_BYTES, spoolMaxBytes);
    GivenOptions.put(given, CollectorSettings.METRICS_PORT, metricsPort);
    GivenOptions.put(given, CollectorSettings.METRICS_ADDRESS, metricsAddress);
    GivenOptions.put(given, CollectorSettings.PRODUCER_CONFIG, producerConfig);
    GivenOptions.put(given, CollectorSettings.CONFIG, config);
    sampling.addGiven(given);
    return usage(() -> CollectorSettings.resolve(given, producerOverrides, environment));
  }

  /** A bad setting (or a producer setting Kafka rejects) is a usage error: one line, exit 2. */
  private <T> T usage(Supplier<T> step) {
    try {
      return step.get();
    } catch (SettingException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    } catch (KafkaException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "producer settings rejected: " + rootMessage(e));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
