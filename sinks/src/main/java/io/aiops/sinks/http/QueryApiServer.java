package io.aiops.sinks.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aiops.sinks.json.AnomalyJson;
import io.aiops.sinks.store.AnomalyStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP query API over the store (JDK com.sun.net.httpserver): GET /anomalies?since=<epoch
 * ms>[&limit=N, default 1000, max 10000] → JSON array (AnomalyJson), GET /health →
 * {"status":"ok","anomalies":count}. Bad parameters → 400 with {"error":"..."}; unknown path → 404
 * JSON.
 */
public final class QueryApiServer implements AutoCloseable {
  static final int DEFAULT_LIMIT = 1000;
  static final int MAX_LIMIT = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(QueryApiServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AnomalyStore store;
  private final String host;
  private final HttpServer server;
  private final ExecutorService workers;

  /** Binds {@code host:port} at once (0 = a free port); requests are served after start(). */
  public QueryApiServer(AnomalyStore store, String host, int port) {
    this.store = store;
    this.host = host;
    try {
      this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
    }
    AtomicInteger threads = new AtomicInteger();
    // Two workers: a slow range scan must not hold up /health, and the machine has few cores.
    this.workers =
        Executors.newFixedThreadPool(
            2, r -> new Thread(r, "query-api-" + threads.incrementAndGet()));
    server.setExecutor(workers);
    server.createContext("/", this::handle);
  }

  public void start() {
    server.start();
    LOG.info("anomaly query API listening on {}", url());
  }

  /** The base URL clients use, e.g. {@code http://localhost:8080}. */
  public String url() {
    String shown =
        host.isEmpty() || "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
    shown = shown.contains(":") ? "[" + shown + "]" : shown;
    return "http://" + shown + ":" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        route(exchange);
      } catch (RuntimeException e) {
        LOG.error("query API failed on {}", exchange.getRequestURI(), e);
        send(exchange, 500, error("internal error"));
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!path.equals("/anomalies") && !path.equals("/health")) {
      send(exchange, 404, error("no such resource: " + path));
    } else if (!"GET".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "GET");
      send(exchange, 405, error("only GET is supported"));
    } else if (path.equals("/health")) {
      ObjectNode health = JSON.createObjectNode().put("status", "ok");
      send(exchange, 200, health.put("anomalies", store.approximateCount()));
    } else {
      anomalies(exchange);
    }
  }

  private void anomalies(HttpExchange exchange) throws IOException {
    try {
      QueryParameters query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
      long since = query.requiredLong("since");
      int limit = (int) query.optionalLong("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
      ArrayNode array = JSON.createArrayNode();
      store.since(since, limit).forEach(anomaly -> array.add(AnomalyJson.toJson(anomaly)));
      send(exchange, 200, array);
    } catch (IllegalArgumentException e) {
      send(exchange, 400, error(e.getMessage()));
    }
  }

  private static ObjectNode error(String message) {
    return JSON.createObjectNode().put("error", message);
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
