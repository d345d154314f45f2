package io.aiops.cli.snapshot;

import io.aiops.cli.UsageException;
import io.aiops.cli.options.ProcRootOption;
import io.aiops.cli.render.ByteSize;
import io.aiops.cli.render.JsonLine;
import io.aiops.cli.render.Progress;
import io.aiops.cli.render.Terminal;
import io.aiops.collector.config.SamplingSettings;
import io.aiops.collector.config.SettingException;
import io.aiops.collector.config.SettingSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aiops snapshot memory --output FILE}: this host's memory state as one JSON document. */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Saves this host's memory state to FILE as one JSON document (format"
          + " aiops-memory-snapshot, format_version 1; docs/commands/snapshot-memory.md): every"
          + " /proc/meminfo field, and every process with pid, start time, comm, command line,"
          + " RSS (and its anon/file/shmem split) and swap from status, PSS from smaps_rollup;"
          + " for the processes at or above --rss-floor or among the --top largest, their smaps"
          + " summed by region kind (heap, stack, anon_mmap, file, library, shmem, vdso, other).",
      "",
      "Compare two snapshots with aiops diff memory. Another user's smaps needs root or"
          + " CAP_SYS_PTRACE: without, those processes are saved without PSS and regions (said"
          + " once on stderr).",
    },
    footer = {
      "",
      "Examples:",
      "  aiops snapshot memory --output before.json",
      "  aiops snapshot memory --output after.json --rss-floor 64MiB --top 10",
      "  aiops diff memory --snapshot1 before.json --snapshot2 after.json",
      "",
      "Exit status: 0 snapshot written; 2 bad usage, /proc unreadable or FILE not writable."
          + " (A snapshot has no findings: it never exits 1.)",
    })
public final class SnapshotMemoryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the snapshot; - for standard output.")
  String output;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description =
          "How to say what was written: text (one line, the default) or json (one JSON object on"
              + " one line). The snapshot itself is always JSON.")
  String format;

  @Option(
      names = "--rss-floor",
      paramLabel = "SIZE",
      description =
          "Read the smaps regions of every process at or above this RSS (default: 16MiB).")
  String rssFloor;

  @Option(
      names = "--top",
      paramLabel = "N",
      description =
          "Read the smaps regions of the N largest processes even below the floor"
              + " (default: 50).")
  String top;

  @Mixin ProcRootOption procRoot;

  @Option(
      names = "--sys-root",
      paramLabel = "DIR",
      description = "The host's /sys, for cgroup files under fs/cgroup (default: /sys).")
  String sysRoot;

  @Option(
      names = "--machine-id-file",
      paramLabel = "FILE",
      description = "The host's machine id, its host_id (default: /etc/machine-id).")
  String machineIdFile;

  /** Where progress goes and how; tests give their own. */
  Terminal terminal = Terminal.detect();

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, was '" + format + "'");
    }
    SamplingSettings settings = settings();
    PrintWriter err = spec.commandLine().getErr();
    HostMemorySnapshot host =
        new HostMemorySnapshot(
            settings.paths(),
            settings.selection(),
            message -> {
              err.println("aiops: " + message);
              err.flush();
            });
    long started = System.nanoTime();
    MemorySnapshot snapshot;
    try (Progress progress = Progress.start(terminal, err, host::status)) {
      snapshot = host.take(System.currentTimeMillis());
    } catch (UncheckedIOException e) {
      throw new UsageException(e.getMessage());
    }
    write(MemorySnapshotJson.write(snapshot));
    if (!output.equals("-")) {
      PrintWriter out = spec.commandLine().getOut();
      out.println(summary(snapshot, (System.nanoTime() - started) / 1e9));
      out.flush();
    }
    return CommandLine.ExitCode.OK;
  }

  private SamplingSettings settings() {
    Map<String, String> given = new LinkedHashMap<>();
    procRoot.addGiven(given);
    put(given, SamplingSettings.SYS_ROOT, sysRoot);
    put(given, SamplingSettings.MACHINE_ID_FILE, machineIdFile);
    put(given, SamplingSettings.RSS_FLOOR, rssFloor);
    put(given, SamplingSettings.TOP, top);
    try {
      return SamplingSettings.from(SettingSources.of(given, Map.of()));
    } catch (SettingException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static void put(Map<String, String> given, String setting, String value) {
    if (value != null) {
      given.put(setting, value);
    }
  }

  /** Writes beside the target, then renames: a reader never sees half a snapshot. */
  private void write(String document) {
    if (output.equals("-")) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(document);
      out.flush();
      return;
    }
    Path target = Path.of(output).toAbsolutePath();
    if (Files.isDirectory(target)) {
      throw new UsageException(output + ": is a directory; give a file name");
    }
    try {
      Path partial = Files.createTempFile(target.getParent(), ".snapshot-", ".partial");
      try {
        Files.writeString(partial, document, StandardCharsets.UTF_8);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UsageException("cannot write " + output + ": " + e.getMessage());
    }
  }

  private String summary(MemorySnapshot s, double seconds) {
    long withRegions = s.processes().stream().filter(p -> p.regions() != null).count();
    if (format.equals("json")) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("output", output);
      fields.put("format_version", s.formatVersion());
      fields.put("taken_at_ms", s.takenAtMs());
      fields.put("host_id", s.hostId());
      fields.put("hostname", s.hostname());
      fields.put("processes", s.processes().size());
      fields.put("processes_with_regions", withRegions);
      return JsonLine.of(fields);
    }
    return String.format(
        Locale.ROOT,
        "wrote %s: memory of %s, %d processes, %d with smaps regions (RSS %s or more, or top %d),"
            + " in %.1f s",
        output,
        s.hostname(),
        s.processes().size(),
        withRegions,
        ByteSize.format(s.rssFloorBytes()),
        s.top(),
        seconds);
  }
}
