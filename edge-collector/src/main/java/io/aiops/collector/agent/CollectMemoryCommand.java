package io.aiops.collector.agent;

import io.aiops.collector.config.SamplingSettings;
import io.aiops.collector.config.SettingException;
import io.aiops.collector.config.SettingSources;
import io.aiops.collector.host.HostSampler;
import io.aiops.collector.output.AvroJsonLines;
import io.aiops.collector.output.SampleTable;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.serde.AvroTrust;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aiops collect memory}: samples this host without Kafka and prints each sample. */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    versionProvider = CollectorVersion.class,
    sortOptions = false,
    description = {
      "Samples this host's memory with the collector's own readers, no Kafka, and prints each"
          + " HostMemorySample: --format json gives one JSON object per line with the Avro"
          + " schema's field names; text gives a table of the host and its largest processes.",
      "",
      "Takes a sample at once and then every --interval for --duration (or --count samples)."
          + " Ctrl-C stops after the line being printed.",
    },
    footer = {
      "",
      "Examples:",
      "  aiops collect memory --duration 60s --interval 5s --format json > host.jsonl",
      "  aiops collect memory --count 1",
      "",
      "Exit status: 0 done, 2 bad usage or /proc unreadable.",
    })
public final class CollectMemoryCommand implements Callable<Integer> {
  private static final Duration SHORTEST_INTERVAL = Duration.ofMillis(100);

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--duration",
      paramLabel = "D",
      description = "How long to collect; 0 takes one sample (default: 60s).")
  String duration;

  @Option(
      names = "--interval",
      paramLabel = "D",
      description = "Time between samples (default: 5s).")
  String interval;

  @Option(
      names = "--count",
      paramLabel = "N",
      description = "Take N samples, then stop (instead of --duration).")
  String count;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description = "text (a table per sample, the default) or json (one object per line).")
  String format;

  @Mixin SamplingOptions sampling;

  /** The environment the sampling settings come from; tests give their own. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws InterruptedException {
    Plan plan = plan();
    PrintWriter out = spec.commandLine().getOut();
    ReadErrors errors = new ReadErrors();
    // Building a sample fills defaults of generated nested types, which Avro must trust first.
    AvroTrust.trustGeneratedClasses();
    HostSampler sampler =
        new HostSampler(plan.sampling().paths(), plan.sampling().selection(), errors);
    try (StopSignal stop = StopSignal.onShutdown(Duration.ofSeconds(5))) {
      long start = System.nanoTime();
      for (int i = 0; i < plan.samples(); i++) {
        if (i > 0 && !stop.sleepUntil(start + i * plan.interval().toNanos())) {
          break;
        }
        out.println(plan.render().apply(sampler.sample(System.currentTimeMillis())));
        out.flush();
      }
    }
    return CommandLine.ExitCode.OK;
  }

  private record Plan(
      SamplingSettings sampling,
      Duration interval,
      int samples,
      Function<HostMemorySample, String> render) {}

  private Plan plan() {
    Function<HostMemorySample, String> render =
        switch (format) {
          case "json" -> AvroJsonLines::line;
          case "text" -> SampleTable::of;
          default -> throw usage("--format must be text or json, was '" + format + "'");
        };
    Map<String, String> given = new LinkedHashMap<>();
    GivenOptions.put(given, "duration", duration);
    GivenOptions.put(given, "interval", interval);
    GivenOptions.put(given, "count", count);
    // Only the sampling options read the environment: AIOPS_INTERVAL is the agent's.
    SettingSources own = SettingSources.of(given, Map.of());
    Map<String, String> samplingGiven = new LinkedHashMap<>();
    sampling.addGiven(samplingGiven);
    try {
      Duration every =
          own.duration("interval", Duration.ofSeconds(5), SHORTEST_INTERVAL, Duration.ofDays(1));
      Duration total =
          own.duration("duration", Duration.ofSeconds(60), Duration.ZERO, Duration.ofDays(365));
      int samples =
          count != null
              ? own.integer("count", 1, 1, Integer.MAX_VALUE)
              : (int) Math.max(1, Math.min(Integer.MAX_VALUE, total.toNanos() / every.toNanos()));
      return new Plan(
          SamplingSettings.from(SettingSources.of(samplingGiven, environment)),
          every,
          samples,
          render);
    } catch (SettingException e) {
      throw usage(e.getMessage());
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
