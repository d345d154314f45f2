package io.aiops.cli.diff;

import io.aiops.cli.UsageException;
import io.aiops.cli.render.Terminal;
import io.aiops.cli.snapshot.MemorySnapshot;
import io.aiops.cli.snapshot.MemorySnapshotJson;
import io.aiops.collector.config.SettingText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code aiops diff memory --snapshot1 A --snapshot2 B}: what changed between two snapshots. */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Compares two snapshots of one host from aiops snapshot memory: per-process RSS, PSS and"
          + " swap changes (a process is its pid and start time, so a reused pid is a different"
          + " process), per-region-kind changes for processes with smaps regions in both,"
          + " processes that started and ended, and /proc/meminfo changes; each list sorted by"
          + " the size of the change.",
    },
    footer = {
      "",
      "Examples:",
      "  aiops snapshot memory --output before.json; sleep 600;"
          + " aiops snapshot memory --output after.json",
      "  aiops diff memory --snapshot1 before.json --snapshot2 after.json",
      "  aiops diff memory --snapshot1 before.json --snapshot2 after.json --threshold 20MiB"
          + " --format json | jq '.processes[0]'",
      "",
      "Exit status: 0 no process grew by more than --threshold; 1 one did (a process in both"
          + " snapshots, not a new one); 2 bad usage, an unreadable file, a file that is not a"
          + " snapshot, or snapshots of two different hosts.",
    })
public final class DiffMemoryCommand implements Callable<Integer> {
  static final long DEFAULT_THRESHOLD_BYTES = 100L << 20;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--snapshot1",
      required = true,
      paramLabel = "FILE",
      description = "The earlier snapshot.")
  Path snapshot1;

  @Option(
      names = "--snapshot2",
      required = true,
      paramLabel = "FILE",
      description = "The later snapshot.")
  Path snapshot2;

  @Option(
      names = "--threshold",
      paramLabel = "SIZE",
      description =
          "RSS growth of one process that makes the exit status 1 (default: 100MiB; 16MiB, 1GiB,"
              + " 500MB, bytes).")
  String threshold;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description = "text (a report, the default) or json (one JSON object on one line).")
  String format;

  /** Where the report goes and how; tests give their own. */
  Terminal terminal = Terminal.detect();

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, was '" + format + "'");
    }
    long thresholdBytes = thresholdBytes();
    MemorySnapshot before = MemorySnapshotJson.read(snapshot1);
    MemorySnapshot after = MemorySnapshotJson.read(snapshot2);
    if (!before.hostId().equals(after.hostId())) {
      throw new UsageException(
          "the snapshots are of two hosts ("
              + before.hostname()
              + " "
              + before.hostId()
              + ", "
              + after.hostname()
              + " "
              + after.hostId()
              + "): processes can only be compared on one host");
    }
    MemoryDiff diff = MemoryDiff.of(before, after);
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        format.equals("json")
            ? MemoryDiffJson.line(diff, snapshot1.toString(), snapshot2.toString(), thresholdBytes)
                + "\n"
            : MemoryDiffText.report(diff, thresholdBytes, terminal));
    out.flush();
    return diff.grewMoreThan(thresholdBytes).isEmpty() ? CommandLine.ExitCode.OK : 1;
  }

  private long thresholdBytes() {
    if (threshold == null) {
      return DEFAULT_THRESHOLD_BYTES;
    }
    return SettingText.bytes(threshold)
        .orElseThrow(
            () ->
                new UsageException(
                    "--threshold '"
                        + threshold
                        + "' is not a size (examples: 16MiB, 1GiB, 500MB, 1048576)"));
  }
}
