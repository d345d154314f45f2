package io.aiops.cli.up;

import io.aiops.cli.UsageException;
import io.aiops.cli.options.DurationConverter;
import io.aiops.cli.render.AnomalyText;
import io.aiops.cli.render.DurationText;
import io.aiops.collector.host.HostIdentity;
import io.aiops.collector.host.HostPaths;
import io.aiops.schemas.memory.AnomalyType;
import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.sinks.json.RecordJson;
import io.aiops.sinks.store.TrendRetention;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aiops up}: the whole pipeline on this machine, no Docker, no setup. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Starts everything in one JVM: a Kafka broker (KRaft), the schema registry endpoint,"
          + " the stream processor, the anomaly sink with its query store and HTTP API, a"
          + " collector for this machine and, with --simulate-hosts, a simulated fleet with"
          + " injected leaks whose clock runs --time-scale times faster than real time.",
      "",
      "The sinks keep every process's trend points (one per 5-minute window) in the query store"
          + " for --trend-retention: GET <api>/trends/series?host_id=H lists a host's processes,"
          + " GET <api>/trends?host_id=H&pid=P&since=<epoch ms> returns one's points, and aiops"
          + " detect memory-leak --pid P reads its history there.",
      "",
      "Leaks are printed as they arrive; the anomalous points the anomaly scorer finds"
          + " (GROWTH_SPIKE: spikes, dips, level shifts, growth) are counted on the progress line"
          + " (--format json prints them all). GET <api>/anomalies?since=<epoch ms> returns every"
          + " anomaly as JSON. Ctrl-C stops everything cleanly; the data directory is reused by the next"
          + " start (topics, schema ids, processor state, query store).",
    },
    footer = {
      "",
      "Examples:",
      "  aiops up --simulate-hosts 20 --duration 120s",
      "  aiops up --data-dir /var/lib/aiops --api-port 9000",
      "  curl 'http://localhost:8080/anomalies?since=0'",
      "  curl 'http://localhost:8080/trends/series?host_id='$(cat /etc/machine-id)",
      "",
      "Environment: AIOPS_DATA_DIR sets the default data directory.",
    })
public final class UpCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(
      names = "--simulate-hosts",
      paramLabel = "N",
      defaultValue = "0",
      description = "Simulated hosts to run beside this machine (default: ${DEFAULT-VALUE}).")
  int simulatedHosts;

  @Option(
      names = "--duration",
      paramLabel = "D",
      converter = DurationConverter.class,
      description = "Stop after this long (e.g. 120s, 30m); default: until Ctrl-C.")
  Duration duration;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "${env:AIOPS_DATA_DIR:-${sys:user.home}/.aiops/data}",
      description = "Broker data, processor state and query store (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--time-scale",
      paramLabel = "X",
      defaultValue = "1800",
      description =
          "How much faster than real time simulated hosts live (default: ${DEFAULT-VALUE}:"
              + " a simulated day in 48 s).")
  double timeScale;

  @Option(
      names = "--simulated-step",
      paramLabel = "D",
      defaultValue = "60s",
      converter = DurationConverter.class,
      description = "Simulated time between two samples of a simulated host (default: 60s).")
  Duration simulatedStep;

  @Option(
      names = "--interval",
      paramLabel = "D",
      defaultValue = "10s",
      converter = DurationConverter.class,
      description = "Sampling interval of this machine's collector (default: 10s).")
  Duration interval;

  @Option(
      names = "--no-local-collector",
      description = "Do not collect this machine, only the simulated fleet.")
  boolean noLocalCollector;

  @Option(
      names = "--kafka-port",
      paramLabel = "PORT",
      defaultValue = "9092",
      description = "Broker port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int kafkaPort;

  @Option(
      names = "--controller-port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "KRaft controller port (default: any free one).")
  int controllerPort;

  @Option(
      names = "--registry-port",
      paramLabel = "PORT",
      defaultValue = "8081",
      description = "Schema registry port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int registryPort;

  @Option(
      names = "--api-port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Query API port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int apiPort;

  @Option(
      names = "--trend-retention",
      paramLabel = "D",
      defaultValue = "28d",
      converter = DurationConverter.class,
      description =
          "How long the query store keeps each process's trend points (default: ${DEFAULT-VALUE};"
              + " about 57 bytes a point on disk, a point per process every 5 minutes).")
  Duration trendRetention;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description = "How anomalies are printed: text or json (one JSON object per line).")
  String format;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Seed of the simulated fleet (default: new each start, so each start is a"
              + " fresh boot of the fleet).")
  Long seed;

  @Override
  public void run() {
    UpSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    AtomicLong anomalies = new AtomicLong();
    AtomicLong points = new AtomicLong();
    Consumer<MemoryAnomaly> printer = printer(out, anomalies, points);
    out.println("aiops: starting (data in " + settings.dataDir().toAbsolutePath() + ") ...");
    out.flush();
    CountDownLatch stop = new CountDownLatch(1);
    AtomicLong trendPoints = new AtomicLong();
    try (LocalPipeline pipeline = LocalPipeline.start(settings, printer)) {
      Thread hook = new Thread(stop::countDown, "aiops-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      printBanner(out, settings, pipeline);
      waitForStop(out, pipeline, stop, anomalies, points);
      trendPoints.set(pipeline.trendPointsStored());
      out.println("aiops: stopping ...");
      out.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.println(
        "aiops: stopped; "
            + anomalies.get()
            + " anomalies received ("
            + points.get()
            + " of them anomalous points), "
            + trendPoints.get()
            + " trend points stored.");
    out.flush();
  }

  private UpSettings settings() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, was '" + format + "'");
    }
    if (trendRetention.isNegative() || trendRetention.isZero()) {
      throw new UsageException("--trend-retention must be positive, was " + trendRetention);
    }
    try {
      return new UpSettings(
          dataDir,
          kafkaPort,
          controllerPort,
          registryPort,
          apiPort,
          simulatedHosts,
          simulatedStep,
          timeScale,
          noLocalCollector ? null : interval,
          seed != null ? seed : System.nanoTime(),
          new TrendRetention(trendRetention));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * Prints each anomaly; in text, the anomalous points of the anomaly scorer (GROWTH_SPIKE, one per
   * point, dozens an hour on a fleet) are only counted: the progress line says how many, the query
   * API serves them.
   */
  private Consumer<MemoryAnomaly> printer(PrintWriter out, AtomicLong count, AtomicLong points) {
    boolean json = format.equals("json");
    return anomaly -> {
      count.incrementAndGet();
      if (anomaly.getAnomalyType() == AnomalyType.GROWTH_SPIKE) {
        points.incrementAndGet();
        if (!json) {
          return;
        }
      }
      synchronized (out) {
        out.println(json ? RecordJson.toJsonLine(anomaly) : AnomalyText.describe(anomaly));
        out.flush();
      }
    };
  }

  private static void printBanner(PrintWriter out, UpSettings settings, LocalPipeline pipeline) {
    synchronized (out) {
      out.println("aiops: up.");
      out.println("  kafka bootstrap servers  " + pipeline.bootstrapServers());
      out.println("  schema registry          " + pipeline.schemaRegistryUrl());
      out.println("  query API                " + pipeline.queryApiUrl() + "/anomalies?since=0");
      if (settings.localInterval() != null) {
        out.println(
            "  this host's trends       "
                + pipeline.queryApiUrl()
                + "/trends/series?host_id="
                + HostIdentity.read(HostPaths.live()).hostId());
      }
      if (settings.simulatedHosts() > 0) {
        out.println(
            "  simulated fleet          "
                + settings.simulatedHosts()
                + " hosts, a sample every "
                + DurationText.format(settings.simulatedStep())
                + " of simulated time, "
                + Math.round(settings.timeScale())
                + "x real time");
      }
      out.println("Leak verdicts need a day of history: about 24h/time-scale of wall time.");
      out.flush();
    }
  }

  private void waitForStop(
      PrintWriter out,
      LocalPipeline pipeline,
      CountDownLatch stop,
      AtomicLong anomalies,
      AtomicLong points)
      throws InterruptedException {
    long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
    long progressEveryNanos = TimeUnit.SECONDS.toNanos(15);
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || stop.await(Math.min(left, progressEveryNanos), TimeUnit.NANOSECONDS)) {
        return;
      }
      synchronized (out) {
        long simNow = pipeline.simulatedNowMs();
        out.println(
            "aiops: "
                + pipeline.samplesSent()
                + " samples sent, "
                + anomalies.get()
                + " anomalies ("
                + points.get()
                + " anomalous points), "
                + pipeline.trendPointsStored()
                + " trend points stored"
                + (simNow < 0 ? "" : ", simulated time " + Instant.ofEpochMilli(simNow)));
        out.flush();
      }
    }
  }
}
