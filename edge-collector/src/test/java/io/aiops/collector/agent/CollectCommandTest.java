package io.aiops.collector.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectCommandTest {
  private static final List<String> REACHABLE_NOWHERE =
      List.of("--bootstrap-servers", "127.0.0.1:1", "--schema-registry-url", "http://127.0.0.1:1");

  @TempDir Path dir;

  @Test
  void withoutBootstrapServersTheAgentSaysWhatIsMissingAndExitsTwo() {
    // Runs only where the environment does not set it, as on the build machines.
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AIOPS_BOOTSTRAP_SERVERS") == null);

    CommandRun run = CommandRun.of("--schema-registry-url", "http://registry:8081");

    assertEquals(2, run.exitCode());
    assertEquals(
        "aiops-collector: --bootstrap-servers is required (or set AIOPS_BOOTSTRAP_SERVERS)"
            + " (see 'aiops-collector --help')",
        run.stderr().strip());
  }

  @Test
  void badAgentSettingsAreUsageErrors() throws IOException {
    Path file = Files.createFile(dir.resolve("not-a-dir"));
    String spool = dir.resolve("spool").toString();
    for (List<String> extra :
        List.of(
            List.of("--spool-dir", spool, "--spool-max-bytes", "huge"),
            List.of("--spool-dir", spool, "--metrics-port", "-1"),
            List.of("--spool-dir", spool, "--metrics-address", "no such host.invalid"),
            List.of("--spool-dir", file.resolve("spool").toString()),
            List.of("--spool-dir", spool, "--producer-config", dir.resolve("none").toString()),
            List.of("--spool-dir", spool, "-X", "security.protocol"),
            List.of("--spool-dir", spool, "-X", "security.protocol=CARRIER_PIGEON"))) {
      CommandRun run = CommandRun.of(concat(REACHABLE_NOWHERE, extra));
      assertEquals(2, run.exitCode(), extra + ": " + run.stderr());
      assertTrue(run.stderr().startsWith("aiops-collector: "), run.stderr());
      assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
    }
  }

  @Test
  void helpListsEveryAgentOptionAndTheMemorySubcommand() {
    CommandRun run = CommandRun.of("--help");

    assertEquals(0, run.exitCode());
    assertTrue(run.stdout().startsWith("Usage: aiops-collector"), run.stdout());
    for (String option :
        List.of(
            "--bootstrap-servers",
            "--schema-registry-url",
            "--interval",
            "--spool-dir",
            "--spool-max-bytes",
            "--metrics-port",
            "--metrics-address",
            "--producer-config",
            "-X",
            "--config",
            "--rss-floor",
            "--top",
            "--proc-root",
            "--sys-root",
            "memory")) {
      assertTrue(run.stdout().contains(option), option);
    }
  }

  private static String[] concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toArray(String[]::new);
  }
}
