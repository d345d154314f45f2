package io.aiops.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Swap in use on this machine, for live tests that would otherwise compare zeros on a host without
 * swap: a swap file switched on when the machine has none (root, mkswap and swapon needed), and a
 * python3 process that touches private anonymous memory and pushes it out with MADV_PAGEOUT (5.4+),
 * then sleeps. Closing stops the process and switches off and deletes a swap file this opened.
 */
public final class LiveSwap implements AutoCloseable {
  private static final long MIB = 1L << 20;

  private final Path swapFile;
  private final Process process;

  private LiveSwap(Path swapFile, Process process) {
    this.swapFile = swapFile;
    this.process = process;
  }

  /** The process holding memory in swap. */
  public long pid() {
    return process.pid();
  }

  /**
   * Opens swap and the process with {@code pagedOutMib} MiB in it, or says why it cannot here (the
   * reason goes into the test's skip message).
   */
  public static Result open(Path dir, int pagedOutMib) {
    if (!"root".equals(System.getProperty("user.name"))) {
      return Result.unavailable("switching swap on needs root");
    }
    Path swapFile = null;
    try {
      if (!swapIsOn()) {
        swapFile = dir.resolve("aiops-live-test.swap");
        String made = run("sh", "-c", makeSwapFile(swapFile, pagedOutMib * 2));
        if (!swapIsOn()) {
          Files.deleteIfExists(swapFile);
          return Result.unavailable("no swap on this machine and swapon refused a file: " + made);
        }
      }
      Process python = pageOut(pagedOutMib);
      String ready = firstLine(python);
      if (!"ready".equals(ready)) {
        python.destroy();
        switchOff(swapFile);
        return Result.unavailable("MADV_PAGEOUT did not page out (before 5.4?): " + ready);
      }
      return new Result(Optional.of(new LiveSwap(swapFile, python)), null);
    } catch (IOException e) {
      switchOff(swapFile);
      return Result.unavailable("cannot set up swap: " + e.getMessage());
    }
  }

  private static String makeSwapFile(Path file, int mib) {
    return String.format(
        "dd if=/dev/zero of=%1$s bs=1M count=%2$d status=none && chmod 600 %1$s"
            + " && mkswap %1$s >/dev/null && swapon %1$s 2>&1",
        file, mib);
  }

  private static Process pageOut(int mib) throws IOException {
    // Private: Python's default shared anonymous mapping is shmem, whose swap is in no process's
    // VmSwap. MADV_PAGEOUT is 21 (Python's mmap module lacks the name).
    String script =
        "import mmap, time\n"
            + "size = "
            + mib
            + " << 20\n"
            + "m = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)\n"
            + "for i in range(0, size, 4096):\n"
            + "  m[i] = 1\n"
            + "m.madvise(21)\n"
            + "deadline = time.time() + 10\n"
            + "while time.time() < deadline:\n"
            + "  if int(open('/proc/self/status').read().split('VmSwap:')[1].split()[0])"
            + " * 1024 >= size * 0.9:\n"
            + "    break\n"
            + "  time.sleep(0.05)\n"
            + "else:\n"
            + "  print('only', open('/proc/self/status').read().split('VmSwap:')[1].split()[0],"
            + " 'kB in swap', flush=True)\n"
            + "  time.sleep(600)\n"
            + "print('ready', flush=True)\n"
            + "time.sleep(600)\n";
    return new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
  }

  private static boolean swapIsOn() throws IOException {
    List<String> swaps = Files.readAllLines(Path.of("/proc/swaps"));
    return swaps.size() > 1;
  }

  private static String firstLine(Process process) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    return line == null ? "python3 exited" : line;
  }

  private static String run(String... command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      p.waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  private static void switchOff(Path swapFile) {
    if (swapFile == null) {
      return;
    }
    try {
      run("swapoff", swapFile.toString());
      Files.deleteIfExists(swapFile);
    } catch (IOException e) {
      System.err.println("LiveSwap: could not remove " + swapFile + ": " + e.getMessage());
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
    switchOff(swapFile);
  }

  /** Swap in use, or why not. */
  public record Result(Optional<LiveSwap> swap, String reason) {
    static Result unavailable(String reason) {
      return new Result(Optional.empty(), reason);
    }
  }
}
