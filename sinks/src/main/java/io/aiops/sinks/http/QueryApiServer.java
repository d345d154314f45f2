package io.aiops.sinks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.aiops.sinks.json.RecordJson;
import io.aiops.sinks.store.QueryStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP query API over the store (JDK com.sun.net.httpserver): GET /anomalies?since=<epoch
 * ms>[&limit=N, default 1000, max 10000] → JSON array (RecordJson); GET /trends?host_id=H&
 * (series_id=S|pid=P)&since=<epoch ms>[&limit=N] → one series' trend points; GET
 * /trends/series?host_id=H → the host's series ({@link TrendQueries}); GET /health →
 * {"status":"ok","anomalies":count,"trend_points":count}. Bad parameters → 400 with
 * {"error":"..."}; unknown path → 404 JSON.
 */
public final class QueryApiServer implements AutoCloseable {
  static final int DEFAULT_LIMIT = 1000;
  static final int MAX_LIMIT = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(QueryApiServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> PATHS =
      Set.of("/anomalies", "/trends", "/trends/series", "/health");

  private final QueryStore store;
  private final TrendQueries trends;
  private final String host;
  private final HttpServer server;
  private final ExecutorService workers;

  /** Binds {@code host:port} at once (0 = a free port); requests are served after start(). */
  public QueryApiServer(QueryStore store, String host, int port) {
    this.store = store;
    this.trends = new TrendQueries(store.trends());
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
    LOG.info("query API listening on {}", url());
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
    if (!PATHS.contains(path)) {
      send(exchange, 404, error("no such resource: " + path));
    } else if (!"GET".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Allow", "GET");
      send(exchange, 405, error("only GET is supported"));
    } else {
      switch (path) {
        case "/health" -> send(exchange, 200, health());
        case "/anomalies" -> answer(exchange, this::anomalies);
        case "/trends" -> answer(exchange, q -> trends.points(q, DEFAULT_LIMIT, MAX_LIMIT));
        default -> answer(exchange, trends::series);
      }
    }
  }

  private ObjectNode health() {
    return JSON.createObjectNode()
        .put("status", "ok")
        .put("anomalies", store.anomalies().approximateCount())
        .put("trend_points", store.trends().approximatePointCount());
  }

  private JsonNode anomalies(QueryParameters query) {
    long since = query.requiredLong("since");
    int limit = (int) query.optionalLong("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    ArrayNode array = JSON.createArrayNode();
    store.anomalies().since(since, limit).forEach(a -> array.add(RecordJson.toJson(a)));
    return array;
  }

  /** 200 with what the query gives, or 400 naming the bad parameter. */
  private static void answer(HttpExchange exchange, Function<QueryParameters, JsonNode> query)
      throws IOException {
    JsonNode body;
    try {
      body = query.apply(QueryParameters.parse(exchange.getRequestURI().getRawQuery()));
    } catch (IllegalArgumentException e) {
      send(exchange, 400, error(e.getMessage()));
      return;
    }
    send(exchange, 200, body);
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
