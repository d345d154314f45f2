package io.aiops.collector.procfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads /proc/<pid>/stat and status, the two files read for every process each sample, through one
 * reused buffer. Not thread-safe.
 */
public final class ProcessReader {
  private final Path procRoot;
  private final ReadErrors errors;
  private final ProcFileBuffer buffer = new ProcFileBuffer();
  private final ProcessStatus.Parser statusParser = new ProcessStatus.Parser();

  public ProcessReader(Path procRoot, ReadErrors errors) {
    this.procRoot = procRoot;
    this.errors = errors;
  }

  /**
   * One process, or empty when it is a kernel thread or a zombie (no memory of its own), or when it
   * vanished, may not be read or printed something malformed (counted in {@link ReadErrors}).
   */
  public Optional<ProcessReading> read(int pid) {
    Path dir = procRoot.resolve(Integer.toString(pid));
    try {
      buffer.read(dir.resolve("stat"));
      ProcStat stat = ProcStat.parse(buffer.bytes(), buffer.length());
      if (stat.kernelThread()) {
        return Optional.empty();
      }
      buffer.read(dir.resolve("status"));
      if (buffer.length() == 0) {
        // An exiting task's status can read empty once its mm is gone.
        errors.count(ReadErrors.VANISHED);
        return Optional.empty();
      }
      ProcessStatus status = statusParser.parse(buffer.bytes(), buffer.length(), errors);
      return status == null ? Optional.empty() : Optional.of(new ProcessReading(pid, stat, status));
    } catch (IOException e) {
      errors.countProcessFailure(e, dir);
    } catch (IllegalArgumentException e) {
      // A stat line cut short by the process exiting is not the kernel's fault.
      errors.count(Files.isDirectory(dir) ? ReadErrors.MALFORMED : ReadErrors.VANISHED);
    }
    return Optional.empty();
  }
}
