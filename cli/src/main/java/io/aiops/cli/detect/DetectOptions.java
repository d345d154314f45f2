package io.aiops.cli.detect;

import io.aiops.cli.UsageException;
import io.aiops.streams.topology.DetectionSettings;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The options both {@code aiops detect} commands share: what to read, how to print, which engine.
 */
public final class DetectOptions {
  /** Where the series detector runs. */
  enum Engine {
    /** In this process, file by file. */
    OFFLINE,
    /** Replayed through an embedded broker and the Kafka Streams topology. */
    STREAMS,
    /** Replayed through the Flink job: not built yet. */
    FLINK
  }

  @Option(
      names = "--input",
      paramLabel = "PATH",
      description = "A CSV file or a directory of CSV files.")
  Path input;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description = "text (a report per file) or json (JSON lines); default ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = "offline",
      description =
          "offline (in this process), streams (replayed through an embedded Kafka broker and the"
              + " stream processor's topology; the same answers) or flink (not built yet);"
              + " default ${DEFAULT-VALUE}.")
  String engine;

  /** Starts the chosen engine; call {@link #validate()} first. */
  DetectionEngine start(Engine chosen, DetectionSettings settings) {
    return switch (chosen) {
      case OFFLINE -> new OfflineEngine(settings);
      case STREAMS -> StreamsReplayEngine.start(settings);
      case FLINK -> throw new IllegalStateException("validate() refuses the Flink engine");
    };
  }

  boolean json() {
    return format.equals("json");
  }

  /** {@link #validate()}, and --input is required. */
  Engine validateWithInput() {
    if (input == null) {
      throw new UsageException("--input PATH is required");
    }
    return validate();
  }

  /** Checks the values; throws UsageException naming the option. */
  Engine validate() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, was '" + format + "'");
    }
    Engine chosen;
    try {
      chosen = Engine.valueOf(engine.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--engine must be offline, streams or flink, was '" + engine + "'");
    }
    if (chosen == Engine.FLINK) {
      throw new UsageException(
          "--engine flink: the Flink engine is not built yet (this release has no Flink job);"
              + " use --engine offline or --engine streams");
    }
    return chosen;
  }
}
