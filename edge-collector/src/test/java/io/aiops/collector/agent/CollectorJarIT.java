package io.aiops.collector.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone jar: what it holds, and that it runs on its own. */
class CollectorJarIT {
  /** Packages that would mean a broker, Kafka Streams, Flink or RocksDB came along. */
  private static final List<String> FORBIDDEN =
      List.of(
          "org/apache/kafka/streams/",
          // kafka-clients carries the plug-in interfaces under server/ (authorizer, policy, quota);
          // the broker's own code is in server/config and the packages below.
          "org/apache/kafka/server/config/",
          "org/apache/kafka/raft/",
          "org/apache/kafka/controller/",
          "org/apache/kafka/metadata/",
          "org/apache/kafka/storage/",
          "kafka/server/",
          "kafka/log/",
          "scala/",
          "org/rocksdb/",
          "org/apache/flink/",
          "io/aiops/infra/",
          "io/aiops/streams/",
          "io/aiops/sinks/",
          "io/aiops/cli/",
          // codecs the collector does not use, left out for size (it compresses with lz4)
          "com/github/luben/zstd/",
          "org/xerial/snappy/");

  @TempDir Path logs;

  @Test
  void holdsTheCollectorAndItsClientsButNoBrokerStreamsFlinkOrRocksDb() throws Exception {
    try (JarFile jar = new JarFile(CollectorJar.JAR.toFile())) {
      List<String> names = jar.stream().map(JarEntry::getName).toList();
      for (String forbidden : FORBIDDEN) {
        assertFalse(
            names.stream().anyMatch(n -> n.startsWith(forbidden)), forbidden + " is in the jar");
      }
      for (String needed :
          List.of(
              "io/aiops/collector/agent/CollectorMain.class",
              "io/aiops/schemas/memory/HostMemorySample.class",
              "org/apache/kafka/clients/producer/KafkaProducer.class",
              "net/jpountz/lz4/LZ4Factory.class",
              "org/slf4j/simple/SimpleLogger.class")) {
        assertTrue(names.contains(needed), needed + " is missing");
      }
      assertEquals(
          "io.aiops.collector.agent.CollectorMain",
          jar.getManifest().getMainAttributes().getValue("Main-Class"));
      JarEntry provider = jar.getJarEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
      assertNotNull(provider, "slf4j finds its backend through the service file");
      assertTrue(
          new String(jar.getInputStream(provider).readAllBytes(), StandardCharsets.UTF_8)
              .contains("org.slf4j.simple.SimpleServiceProvider"));
    }
    long megabytes = Files.size(CollectorJar.JAR) >> 20;
    assertTrue(megabytes < 20, "the jar is " + megabytes + " MiB");
  }

  @Test
  void memoryWithDurationZeroPrintsOneValidJsonLine() throws Exception {
    CommandRun run = CollectorJar.run(logs, "memory", "--duration", "0", "--format", "json");

    assertEquals(0, run.exitCode(), run.stderr());
    List<String> lines = run.stdout().lines().toList();
    assertEquals(1, lines.size(), run.stdout());
    JsonNode sample = new ObjectMapper().readTree(lines.get(0));
    assertTrue(sample.get("mem_total_bytes").asLong() > 0);
    assertTrue(sample.get("processes").size() > 0);
    // One-time notices about fields this host refuses (smaps_rollup of pid 1 in a sandbox) may
    // appear; errors and stack traces may not.
    assertTrue(
        run.stderr().lines().allMatch(line -> line.startsWith("WARN MissingDataNotices")),
        "only missing-data notices on stderr: " + run.stderr());
  }

  @Test
  void aCodecLeftOutOfTheJarIsRefusedAtStartWithOneLine() throws Exception {
    CommandRun run =
        CollectorJar.run(
            logs,
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--schema-registry-url",
            "http://127.0.0.1:1",
            "--spool-dir",
            logs.resolve("spool").toString(),
            "-X",
            "compression.type=zstd");

    assertEquals(2, run.exitCode(), run.stderr());
    assertEquals(
        "aiops-collector: compression.type=zstd is not available in this collector build; use lz4"
            + " (the default), gzip or none (see 'aiops-collector --help')",
        run.stderr().strip());
  }
}
