package io.aiops.infra.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real single-node Kafka broker in KRaft mode (broker+controller), in this JVM. */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String HOST = "localhost";
  private static final int NODE_ID = 1;
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  static {
    Log4jApiFallback.selectSimpleProviderIfUnbound();
  }

  private final Path logDir;
  private final int brokerPort;
  private final int controllerPort;
  private KafkaRaftServer server;
  private boolean closed;

  /** A port of 0 is replaced by a free port, chosen here so that the address is known at once. */
  public EmbeddedKafkaBroker(Path logDir, int brokerPort, int controllerPort) {
    this.logDir = logDir.toAbsolutePath();
    this.brokerPort = brokerPort == 0 ? freePort() : brokerPort;
    this.controllerPort = controllerPort == 0 ? freePort() : controllerPort;
  }

  /**
   * Formats the storage when it has never been formatted, starts the broker and returns once it is
   * registered and unfenced, so that topics can be created at once.
   */
  public synchronized void start() {
    if (server != null || closed) {
      throw new IllegalStateException("broker in " + logDir + " was already started");
    }
    long startedAt = System.nanoTime();
    KafkaConfig config =
        KafkaConfig.fromProps(
            BrokerSettings.singleNode(logDir, HOST, brokerPort, controllerPort, NODE_ID), false);
    formatIfNeeded(config);
    long formattedAt = System.nanoTime();
    KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
    server = raftServer;
    try {
      raftServer.startup();
      long startedUpAt = System.nanoTime();
      awaitRegistered();
      LOG.debug(
          "Broker start phases: config+format {} ms, startup {} ms, unfencing {} ms",
          TimeUnit.NANOSECONDS.toMillis(formattedAt - startedAt),
          TimeUnit.NANOSECONDS.toMillis(startedUpAt - formattedAt),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedUpAt));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    LOG.info(
        "Kafka broker on {} ready in {} ms (data in {})",
        bootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt),
        logDir);
  }

  /** {@code localhost:PORT}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return HOST + ":" + brokerPort;
  }

  /** Shuts the broker down and waits for it; calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
    }
  }

  private void formatIfNeeded(KafkaConfig config) {
    if (Files.exists(logDir.resolve("meta.properties"))) {
      return;
    }
    ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
    try {
      Files.createDirectories(logDir);
      new Formatter()
          .setPrintStream(new PrintStream(formatterOutput, true, StandardCharsets.UTF_8))
          .setNodeId(NODE_ID)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(config.metadataLogDir())
          .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create broker directory " + logDir, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot format broker storage in " + logDir, e);
    }
    LOG.debug("Formatted {}: {}", logDir, formatterOutput.toString(StandardCharsets.UTF_8));
  }

  /**
   * Startup returns before the controller unfences the broker; until then topics cannot be made.
   */
  private void awaitRegistered() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    Map<String, Object> adminConfig =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    try (Admin admin = Admin.create(adminConfig)) {
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          LOG.debug("broker {} not ready yet: {}", bootstrapServers(), e.toString());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while starting the broker", e);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "broker "
                  + bootstrapServers()
                  + " not ready after "
                  + READY_TIMEOUT.toSeconds()
                  + " s");
        }
        sleep(100);
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the broker", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }
}
