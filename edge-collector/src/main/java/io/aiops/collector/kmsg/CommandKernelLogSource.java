package io.aiops.collector.kmsg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The kernel log as a program prints it ({@code dmesg}, {@code journalctl -k}), for hosts where
 * /dev/kmsg cannot be opened. A program that fails before printing anything, or that says it may
 * not read the log, makes the source unavailable with the program's own words.
 */
public final class CommandKernelLogSource implements KernelLogSource {
  // What journalctl and dmesg print, with exit status 0 for journalctl, when the log is not theirs
  // to read or not there at all.
  private static final List<String> REFUSALS =
      List.of(
          "insufficient permissions",
          "Operation not permitted",
          "Permission denied",
          "No journal files were found");

  private final List<String> command;
  private final KernelClock clock;
  private volatile Process process;
  private volatile boolean closed;

  public CommandKernelLogSource(List<String> command, KernelClock clock) {
    this.command = List.copyOf(command);
    this.clock = clock;
  }

  @Override
  public String description() {
    return String.join(" ", command);
  }

  @Override
  public void read(Consumer<KernelLogLine> sink) throws IOException {
    if (closed) {
      return;
    }
    try {
      process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new KernelLogUnavailableException(
          command.get(0) + ": cannot run (" + e.getMessage() + ")");
    }
    if (closed) {
      process.destroy();
      return;
    }
    process.getOutputStream().close();
    CompletableFuture<String> stderr = drain(process.getErrorStream());
    KernelLogReader reader = new KernelLogReader(clock);
    int kernelLines = 0;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String raw;
      while ((raw = out.readLine()) != null) {
        for (KernelLogLine line : reader.read(raw)) {
          kernelLines++;
          sink.accept(line);
        }
      }
    } catch (IOException e) {
      if (!closed) {
        throw e;
      }
    }
    int status = waitFor(process);
    String errors = stderr.join().strip();
    if (closed) {
      return;
    }
    boolean refused = REFUSALS.stream().anyMatch(errors::contains);
    if (kernelLines == 0 && (status != 0 || refused)) {
      String first = errors.isEmpty() ? "exit status " + status : errors.lines().findFirst().get();
      throw new KernelLogUnavailableException(description() + ": " + withoutProgramName(first));
    }
  }

  /** "dmesg: read kernel buffer failed" is said after the command already. */
  private String withoutProgramName(String message) {
    String program = Path.of(command.get(0)).getFileName() + ": ";
    return message.startsWith(program) ? message.substring(program.length()) : message;
  }

  @Override
  public void close() {
    closed = true;
    Process running = process;
    if (running != null) {
      running.destroy();
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        },
        task -> {
          Thread thread = new Thread(task, "kernel-log-stderr");
          thread.setDaemon(true);
          thread.start();
        });
  }

  private static int waitFor(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
      return -1;
    }
  }
}
