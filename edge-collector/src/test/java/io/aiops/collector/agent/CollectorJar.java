package io.aiops.collector.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The standalone aiops-collector.jar built by this module's package phase, run as a process. */
final class CollectorJar {
  static final Path JAR = Path.of("target", "aiops-collector.jar");

  private CollectorJar() {}

  static final Path CLASS_LIST = Path.of("../infra/deploy/cds/aiops-collector.classlist");
  static final Path ARCHIVE_TOOL = Path.of("../infra/deploy/cds/collector-class-archive");

  static ProcessBuilder command(Path logs, String... args) {
    return command(logs, List.of(), args);
  }

  /**
   * Builds the class-data archive with the tool the systemd unit's ExecStartPre and the image run,
   * from the committed class list, into {@code dir}; returns it (missing if the tool could not).
   */
  static Path buildArchive(Path dir) throws IOException, InterruptedException {
    Path archive = dir.resolve("aiops-collector.jsa");
    Process tool =
        new ProcessBuilder(
                "sh",
                ARCHIVE_TOOL.toString(),
                JAR.toString(),
                CLASS_LIST.toString(),
                archive.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("archive.log").toFile())
            .start();
    if (!tool.waitFor(120, TimeUnit.SECONDS)) {
      tool.destroyForcibly();
      throw new AssertionError("collector-class-archive did not end within 120 s");
    }
    return archive;
  }

  /** The jar with the systemd unit's JVM flags and {@code jvmFlags} (an archive, logging). */
  static ProcessBuilder command(Path logs, List<String> jvmFlags, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmFlags);
    // The JVM flags the systemd unit and the DaemonSet use.
    command.addAll(
        List.of(
            "-Xms8m",
            "-Xmx24m",
            "-Xmn3m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:-UsePerfData",
            "-jar",
            JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectOutput(logs.resolve("stdout").toFile())
        .redirectError(logs.resolve("stderr").toFile());
  }

  /** Runs to the end (within a minute) and returns exit status, stdout and stderr. */
  static CommandRun run(Path logs, String... args) throws IOException, InterruptedException {
    Process process = command(logs, args).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("aiops-collector " + String.join(" ", args) + " did not end");
    }
    return new CommandRun(process.exitValue(), stdout(logs), stderr(logs));
  }

  static String stdout(Path logs) throws IOException {
    return Files.readString(logs.resolve("stdout"), StandardCharsets.UTF_8);
  }

  static String stderr(Path logs) throws IOException {
    return Files.readString(logs.resolve("stderr"), StandardCharsets.UTF_8);
  }
}
