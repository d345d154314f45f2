package io.aiops.cli.inspect;

import io.aiops.cli.UsageException;
import io.aiops.cli.options.ProcRootOption;
import io.aiops.cli.render.Progress;
import io.aiops.cli.render.Terminal;
import io.aiops.collector.config.SamplingSettings;
import io.aiops.collector.config.SettingException;
import io.aiops.collector.config.SettingSources;
import io.aiops.collector.procfs.Cmdline;
import io.aiops.collector.procfs.MalformedSmapsException;
import io.aiops.collector.procfs.ProcFileBuffer;
import io.aiops.collector.procfs.ProcessReader;
import io.aiops.collector.procfs.ProcessReading;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.collector.procfs.SmapsReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code aiops inspect memory --pid P}: one process's memory by region kind, from its smaps. */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Reads /proc/PID/smaps and shows where a process's memory is: by region kind (heap, stack,"
          + " anonymous mmap, file-backed, shared libraries, shmem/sysv, vdso/vvar/vsyscall,"
          + " other), each with size, RSS, PSS, swap, dirty, anonymous, shared and private pages"
          + " and permissions; the totals; the largest libraries and mappings; and the unusual"
          + " mappings: very large shared memory (1 GiB or more), files deleted while mapped,"
          + " anonymous regions with 1 GiB or more resident, files (or the stack, heap, shared"
          + " memory) mapped writable+executable. Writable+executable anonymous memory is listed"
          + " as JIT code: JVMs, node and browsers generate code there; it is not unusual.",
      "",
      "Figures are pmap -x's (Kbytes, RSS, Dirty = Shared_Dirty + Private_Dirty) and smem's"
          + " (PSS). Another user's process needs root or CAP_SYS_PTRACE.",
    },
    footer = {
      "",
      "Examples:",
      "  aiops inspect memory --pid 4242",
      "  aiops inspect memory --pid \"$(pgrep -o java)\" --maps      # every mapping, like pmap -x",
      "  aiops inspect memory --pid 4242 --format json | jq .regions",
      "  sudo aiops inspect memory --pid 1 --detail                 # every smaps field",
      "",
      "Exit status: 0 read, nothing unusual (JIT code is not); 1 read, an unusual mapping"
          + " flagged; 2 bad usage, no such process, or a process this user may not read (root or"
          + " CAP_SYS_PTRACE needed).",
    })
public final class InspectMemoryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--pid", required = true, paramLabel = "PID", description = "The process.")
  int pid;

  @Option(
      names = "--maps",
      description = "Also list every mapping, in KiB like pmap -x (JSON: a mappings array).")
  boolean maps;

  @Option(
      names = "--detail",
      description = "Also every smaps field of every mapping (implies --maps).")
  boolean detail;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      defaultValue = "text",
      description = "text (a report, the default) or json (one JSON object on one line).")
  String format;

  @Mixin ProcRootOption procRoot;

  /** Where the report goes and how; tests give their own. */
  Terminal terminal = Terminal.detect();

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, was '" + format + "'");
    }
    if (pid <= 0) {
      throw new UsageException("--pid must be a process id (1 or more), was " + pid);
    }
    Path proc = procRoot();
    Path dir = proc.resolve(Integer.toString(pid));
    InspectedProcess process = identify(proc, dir);
    ProcessMemoryMap map = new ProcessMemoryMap(maps || detail);
    Path smaps = dir.resolve("smaps");
    PrintWriter err = spec.commandLine().getErr();
    try (Progress progress =
        Progress.start(
            terminal, err, () -> "reading " + smaps + ": " + map.count() + " mappings")) {
      SmapsReader.read(smaps, map);
    } catch (AccessDeniedException e) {
      throw new UsageException(
          "pid "
              + pid
              + " belongs to "
              + process.owner()
              + ": reading its memory map needs root or CAP_SYS_PTRACE (sudo aiops inspect"
              + " memory --pid "
              + pid
              + ")");
    } catch (NoSuchFileException e) {
      throw new UsageException(
          Files.isDirectory(dir)
              ? smaps + ": no such file (this /proc has no smaps for pid " + pid + ")"
              : "pid " + pid + " exited while its memory map was read");
    } catch (MalformedSmapsException e) {
      throw new UsageException(smaps + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UsageException("cannot read " + smaps + ": " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        format.equals("json")
            ? ProcessMemoryJson.line(process, map, maps, detail) + "\n"
            : ProcessMemoryText.report(process, map, maps, detail, terminal));
    out.flush();
    return map.unusual().isEmpty() ? CommandLine.ExitCode.OK : 1;
  }

  private Path procRoot() {
    Map<String, String> given = new HashMap<>();
    procRoot.addGiven(given);
    try {
      return SamplingSettings.from(SettingSources.of(given, Map.of())).paths().procRoot();
    } catch (SettingException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private InspectedProcess identify(Path proc, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UsageException("no process with pid " + pid + " (no " + dir + ")");
    }
    Optional<ProcessReading> reading = new ProcessReader(proc, new ReadErrors()).read(pid);
    if (reading.isEmpty()) {
      throw new UsageException(
          Files.isDirectory(dir)
              ? "pid " + pid + " has no memory of its own (a kernel thread or a zombie)"
              : "pid " + pid + " exited while it was read");
    }
    return new InspectedProcess(
        pid,
        reading.get().startTimeTicks(),
        reading.get().comm(),
        cmdline(dir),
        owner(dir),
        reading.get().rssBytes());
  }

  private static String cmdline(Path dir) {
    ProcFileBuffer buffer = new ProcFileBuffer();
    try {
      buffer.read(dir.resolve("cmdline"), Cmdline.MAX_BYTES);
      return Cmdline.decode(buffer.bytes(), buffer.length());
    } catch (IOException e) {
      return ""; // a recorded tree without it; a live process always has one
    }
  }

  private static String owner(Path dir) {
    try {
      return Files.getOwner(dir).getName();
    } catch (IOException e) {
      return "?";
    }
  }
}
