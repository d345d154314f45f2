package io.aiops.collector.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Serves {@code GET /metrics} in the Prometheus text format from one daemon thread. Scrapes are
 * rare (every 10-60 s) and cheap, so one thread is plenty and bounds what a scraper can cost.
 */
public final class MetricsServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService handler;

  private MetricsServer(HttpServer server, ExecutorService handler) {
    this.server = server;
    this.handler = handler;
  }

  /**
   * Listens on the address and port (0 picks a free one).
   *
   * @throws IOException when the port is taken or the address is not this host's
   */
  public static MetricsServer start(String address, int port, Supplier<String> exposition)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 16);
    ExecutorService handler =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "collector-metrics");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(handler);
    server.createContext("/", exchange -> respond(exchange, exposition));
    server.start();
    return new MetricsServer(server, handler);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, Supplier<String> exposition)
      throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!exchange.getRequestURI().getPath().equals("/metrics")) {
        send(exchange, 404, "text/plain; charset=utf-8", "not found; metrics are at /metrics\n");
      } else if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n");
      } else {
        String body;
        try {
          body = exposition.get();
        } catch (RuntimeException e) {
          send(exchange, 500, "text/plain; charset=utf-8", "metrics failed: " + e + "\n");
          return;
        }
        send(exchange, 200, PrometheusText.CONTENT_TYPE, body);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    handler.shutdownNow();
  }
}
