package io.aiops.infra.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema-registry endpoint serving the subset of the Confluent Schema Registry REST API that the
 * serde uses, keeping schemas in the compacted `_schemas` topic so ids survive a restart.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
  private static final String HOST = "localhost";
  private static final int HTTP_THREADS = 4;

  private final String bootstrapServers;
  private final int port;
  private SchemaLog log;
  private HttpServer server;
  private ExecutorService executor;
  private boolean closed;

  /** A port of 0 picks a free one at {@link #start()}. */
  public EmbeddedSchemaRegistry(String bootstrapServers, int port) {
    this.bootstrapServers = bootstrapServers;
    this.port = port;
  }

  /** Rebuilds the state from `_schemas` (beginning to current end), then serves HTTP. */
  public synchronized void start() {
    if (log != null || closed) {
      throw new IllegalStateException("schema registry was already started");
    }
    log = new SchemaLog(bootstrapServers);
    try {
      log.ensureTopic();
      SchemaStore store = new SchemaStore(log);
      log.replay(store::apply);
      server = HttpServer.create(new InetSocketAddress(HOST, port), 0);
      executor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads());
      server.setExecutor(executor);
      server.createContext("/", new RegistryHttpHandler(store));
      server.start();
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("cannot listen on " + HOST + ":" + port, e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    LOG.info("Schema registry on {} (schemas in {} at {})", url(), "_schemas", bootstrapServers);
  }

  /** {@code http://localhost:PORT}. */
  public synchronized String url() {
    if (server == null) {
      throw new IllegalStateException("schema registry not started");
    }
    return "http://" + HOST + ":" + server.getAddress().getPort();
  }

  /** Stops serving and closes the Kafka clients; calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (server != null) {
      server.stop(0);
    }
    if (executor != null) {
      executor.shutdown();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (log != null) {
      log.close();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "schema-registry-http-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
