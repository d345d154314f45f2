package io.aiops.collector.procfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads /proc/<pid>/stat and status, through one reused buffer: together ({@link #read}), or stat
 * first and status later for the processes stat singles out. Not thread-safe.
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
    return readStat(pid).flatMap(stat -> readStatus(pid, stat));
  }

  /**
   * The stat line alone, the cheaper of the two files (its resident pages rank processes), or empty
   * for a kernel thread or a process that vanished, may not be read or printed something malformed.
   */
  public Optional<ProcStat> readStat(int pid) {
    Path dir = procRoot.resolve(Integer.toString(pid));
    try {
      buffer.read(dir.resolve("stat"));
      ProcStat stat = ProcStat.parse(buffer.bytes(), buffer.length());
      return stat.kernelThread() ? Optional.empty() : Optional.of(stat);
    } catch (IOException e) {
      errors.countProcessFailure(e, dir);
    } catch (IllegalArgumentException e) {
      // A stat line cut short by the process exiting is not the kernel's fault.
      countMalformedOrVanished(dir);
    }
    return Optional.empty();
  }

  /** Adds the status file to a {@code stat} read before; empty as {@link #read(int)} says. */
  public Optional<ProcessReading> readStatus(int pid, ProcStat stat) {
    Path dir = procRoot.resolve(Integer.toString(pid));
    try {
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
      countMalformedOrVanished(dir);
    }
    return Optional.empty();
  }

  private void countMalformedOrVanished(Path dir) {
    errors.count(Files.isDirectory(dir) ? ReadErrors.MALFORMED : ReadErrors.VANISHED);
  }
}
