package io.aiops.cli.evaluate;

import io.aiops.cli.UsageException;
import io.aiops.cli.render.Progress;
import io.aiops.cli.render.Terminal;
import io.aiops.detection.LeakDetectorSettings;
import io.aiops.detection.eval.DetectorEvaluation;
import io.aiops.detection.eval.DetectorScore;
import io.aiops.detection.eval.LabeledTrace;
import io.aiops.detection.eval.LabeledTraceGenerator;
import io.aiops.detection.eval.LeakDetectorReplay;
import io.aiops.detection.eval.PredictLinearRule;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code aiops evaluate memory-leak}: replays generated labeled traces through the leak detector
 * and the predict_linear rule and prints both scores.
 */
@Command(
    name = "memory-leak",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generates labeled memory traces (stable, seasonal, GC sawtooth, warm-up, step, spikes,"
          + " random walk; linear, staircase, accelerating and seasonality-hidden leaks with a"
          + " random onset; 50 MB to many GB; 30-120 s steps; 24-72 h; gaps and noise), replays"
          + " each through the leak detector as the stream processor runs it (30-minute buckets,"
          + " 48 h window, a verdict at every bucket close), and through Prometheus-style"
          + " predict_linear (OLS over 6 h, alert when the 24 h projection crosses the limit).",
      "",
      "Prints accuracy, precision, recall, growth-rate error and OOM ETA error (median, p90),"
          + " and the detection delay after the leak's onset, for both. The same seed gives the"
          + " same traces and the same figures on every machine.",
    },
    footer = {
      "",
      "Examples:",
      "  aiops evaluate memory-leak                       # 220 traces, the test's seed",
      "  aiops evaluate memory-leak --traces 1000 --seed 7 --by-kind",
      "  aiops evaluate memory-leak --format json | jq .precision",
      "",
      "Exit status: 0 when the evaluation ran; 2 for bad usage.",
    })
public final class EvaluateMemoryLeakCommand implements Callable<Integer> {
  /** The seed the accuracy test uses, so the command reproduces its figures by default. */
  static final long DEFAULT_SEED = 20261122L;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--traces",
      paramLabel = "N",
      defaultValue = "220",
      description = "How many traces, spread evenly over the kinds; default ${DEFAULT-VALUE}.")
  int traces;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "" + DEFAULT_SEED,
      description = "Generator seed; default ${DEFAULT-VALUE} (the accuracy test's).")
  long seed;

  @Option(
      names = "--by-kind",
      description =
          "Also show how many traces of each kind were flagged, and the leaks found and false"
              + " alarms by trace length (24-36, 36-48, 48-72 h).")
  boolean byKind;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description = "text (a table) or json (one object per detector).")
  String format;

  Terminal terminal = Terminal.detect();

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, was '" + format + "'");
    }
    if (traces < 1 || traces > 100_000) {
      throw new UsageException("--traces must be within 1..100000, was " + traces);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LeakDetectorSettings settings = LeakDetectorSettings.defaults();
    AtomicInteger done = new AtomicInteger();
    List<DetectorScore> scores;
    try (Progress progress =
        Progress.start(
            terminal, err, () -> "evaluating: " + done.get() + " of " + traces + " traces")) {
      List<LabeledTrace> generated = new LabeledTraceGenerator(seed).generate(traces);
      scores =
          new DetectorEvaluation(
                  List.of(new LeakDetectorReplay(settings), new PredictLinearRule()),
                  settings.etaHorizon().toHours())
              .run(generated, done::set);
    }
    if (format.equals("json")) {
      scores.forEach(score -> out.println(EvaluationJson.of(score, traces, seed, byKind)));
    } else {
      EvaluationText.print(scores, traces, seed, byKind, out);
    }
    out.flush();
    return CommandLine.ExitCode.OK;
  }
}
