package io.aiops.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Processes a live test starts and inspects: an idle JVM holding 16 MiB of touched heap, and sleep,
 * a small C program. Both are stopped by pid when the test closes this.
 */
public final class LiveProcesses implements AutoCloseable {
  private final List<Process> started = new ArrayList<>();

  /** A JVM that touched 16 MiB of heap and then sleeps; returns once it said "ready". */
  public Process idleJvm() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process jvm =
        new ProcessBuilder(
                java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", classpath, IdleJvm.class.getName())
            .redirectErrorStream(true)
            .start();
    started.add(jvm);
    return ready(jvm, "the idle JVM");
  }

  private static Process ready(Process process, String what) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (!"ready".equals(line)) {
      throw new IllegalStateException(what + " said " + line);
    }
    return process;
  }

  /**
   * A python3 process that maps {@code file} (which must exist and hold at least 4 KiB) writable
   * and executable, then sleeps; returns once it said "ready".
   */
  public Process writableExecutableFile(Path file) throws IOException {
    Process python =
        new ProcessBuilder(
                "python3",
                "-c",
                "import mmap, sys, time\n"
                    + "f = open(sys.argv[1], 'r+b')\n"
                    + "m = mmap.mmap(f.fileno(), 4096,"
                    + " prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)\n"
                    + "print('ready', flush=True)\n"
                    + "time.sleep(600)\n",
                file.toString())
            .redirectErrorStream(true)
            .start();
    started.add(python);
    return ready(python, "python3 mapping " + file);
  }

  public Process sleep() throws IOException {
    Process sleep = new ProcessBuilder("sleep", "600").start();
    started.add(sleep);
    return sleep;
  }

  /** Runs a command to its end and returns what it printed on stdout and stderr. */
  public static String run(String... command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(60, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new AssertionError("cannot run `" + command[0] + "`: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command[0], e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    for (Process process : started) {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The idle JVM's main. */
  public static final class IdleJvm {
    private IdleJvm() {}

    public static void main(String[] args) throws InterruptedException {
      byte[][] kept = new byte[16][];
      for (int i = 0; i < kept.length; i++) {
        kept[i] = new byte[1 << 20];
        java.util.Arrays.fill(kept[i], (byte) i);
      }
      System.out.println("ready");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
      System.out.println(kept.length);
    }
  }
}
