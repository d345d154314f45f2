package io.aiops.sinks.http;

import static io.aiops.sinks.AnomalyFixtures.MONDAY_10_00;
import static io.aiops.sinks.AnomalyFixtures.ONE_MINUTE;
import static io.aiops.sinks.AnomalyFixtures.leakOnWeb01;
import static io.aiops.sinks.AnomalyFixtures.swapStormOnDb02;
import static io.aiops.sinks.TrendFixtures.FIVE_MINUTES;
import static io.aiops.sinks.TrendFixtures.NGINX_4242;
import static io.aiops.sinks.TrendFixtures.NGINX_4242_REUSED;
import static io.aiops.sinks.TrendFixtures.nginxWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.sinks.json.RecordJson;
import io.aiops.sinks.store.AnomalyStore;
import io.aiops.sinks.store.QueryStore;
import io.aiops.sinks.store.TrendStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryApiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private QueryStore opened;
  private AnomalyStore store;
  private TrendStore trends;
  private QueryApiServer server;

  @BeforeEach
  void startServer(@TempDir Path dir) {
    opened = QueryStore.open(dir);
    store = opened.anomalies();
    trends = opened.trends();
    server = new QueryApiServer(opened, "127.0.0.1", 0);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
    opened.close();
  }

  @Test
  void returnsTheAnomaliesSinceTheGivenTimeAsAJsonArray() throws Exception {
    store.put(leakOnWeb01("too-old", MONDAY_10_00 - ONE_MINUTE));
    store.put(leakOnWeb01("leak", MONDAY_10_00));
    store.put(swapStormOnDb02("storm", MONDAY_10_00 + ONE_MINUTE));

    Reply reply = get("/anomalies?since=" + MONDAY_10_00);

    assertEquals(200, reply.status);
    assertTrue(reply.contentType.startsWith("application/json"), reply.contentType);
    assertTrue(reply.body.isArray());
    assertEquals(2, reply.body.size());
    String expected = RecordJson.toJsonLine(leakOnWeb01("leak", MONDAY_10_00));
    assertEquals(JSON.readTree(expected), reply.body.get(0));
    assertEquals("storm", reply.body.get(1).get("anomaly_id").textValue());
  }

  @Test
  void honoursTheLimitParameter() throws Exception {
    for (int i = 0; i < 5; i++) {
      store.put(leakOnWeb01("a-" + i, MONDAY_10_00 + i));
    }

    Reply reply = get("/anomalies?since=0&limit=2");

    assertEquals(2, reply.body.size());
    assertEquals("a-1", reply.body.get(1).get("anomaly_id").textValue());
  }

  @Test
  void answersAnEmptyArrayWhenNothingIsThatRecent() throws Exception {
    store.put(leakOnWeb01("old", MONDAY_10_00));

    Reply reply = get("/anomalies?since=" + (MONDAY_10_00 + 1));

    assertEquals(200, reply.status);
    assertEquals(JSON.createArrayNode(), reply.body);
  }

  @Test
  void rejectsASinceThatIsNotANumberWithA400JsonError() throws Exception {
    Reply reply = get("/anomalies?since=yesterday");

    assertEquals(400, reply.status);
    assertTrue(reply.body.get("error").textValue().contains("since"), reply.body.toString());
  }

  @Test
  void rejectsAMissingSinceAndAnOutOfRangeLimit() throws Exception {
    assertEquals(400, get("/anomalies").status);
    assertEquals(400, get("/anomalies?since=0&limit=10001").status);
    assertEquals(400, get("/anomalies?since=0&limit=0").status);
    assertTrue(get("/anomalies?since=0&limit=x").body.has("error"));
  }

  @Test
  void reportsHealthWithTheNumberOfStoredAnomaliesAndTrendPoints() throws Exception {
    store.put(leakOnWeb01("a-1", MONDAY_10_00));
    trends.put(nginxWindow(NGINX_4242, MONDAY_10_00, 100_000_000L));
    trends.put(nginxWindow(NGINX_4242, MONDAY_10_00 + FIVE_MINUTES, 100_000_000L));

    Reply reply = get("/health");

    assertEquals(200, reply.status);
    assertEquals("ok", reply.body.get("status").textValue());
    assertEquals(1, reply.body.get("anomalies").longValue());
    assertEquals(2, reply.body.get("trend_points").longValue());
  }

  @Test
  void returnsOneSeriesTrendPointsSinceTheGivenTimeAsAJsonArray() throws Exception {
    for (int i = -1; i < 3; i++) {
      trends.put(nginxWindow(NGINX_4242, MONDAY_10_00 + i * FIVE_MINUTES, 100_000_000L + i));
    }
    trends.put(nginxWindow(NGINX_4242_REUSED, MONDAY_10_00, 50_000_000L));

    Reply reply =
        get("/trends?host_id=web-01&series_id=" + encode(NGINX_4242) + "&since=" + MONDAY_10_00);

    assertEquals(200, reply.status);
    assertEquals(3, reply.body.size());
    String expected = RecordJson.toJsonLine(nginxWindow(NGINX_4242, MONDAY_10_00, 100_000_000L));
    assertEquals(JSON.readTree(expected), reply.body.get(0));
    assertEquals(
        MONDAY_10_00 + 2 * FIVE_MINUTES, reply.body.get(2).get("window_end_ms").longValue());
    assertEquals(
        1,
        get("/trends?host_id=web-01&series_id=" + encode(NGINX_4242) + "&since=0&limit=1")
            .body
            .size());
  }

  @Test
  void answersAPidWithThePointsOfTheProcessThatHadItLast() throws Exception {
    trends.put(nginxWindow(NGINX_4242, MONDAY_10_00, 100_000_000L));
    trends.put(nginxWindow(NGINX_4242_REUSED, MONDAY_10_00 + FIVE_MINUTES, 50_000_000L));
    trends.put(nginxWindow(NGINX_4242_REUSED, MONDAY_10_00 + 2 * FIVE_MINUTES, 51_000_000L));

    Reply reply = get("/trends?host_id=web-01&pid=4242&since=0");

    assertEquals(2, reply.body.size());
    for (JsonNode point : reply.body) {
      assertEquals(NGINX_4242_REUSED, point.get("series_id").textValue());
    }
    assertEquals(JSON.createArrayNode(), get("/trends?host_id=web-01&pid=4243&since=0").body);
  }

  @Test
  void listsTheSeriesOfAHost() throws Exception {
    trends.put(nginxWindow(NGINX_4242, MONDAY_10_00, 100_000_000L));
    trends.put(nginxWindow(NGINX_4242, MONDAY_10_00 + FIVE_MINUTES, 101_000_000L));

    Reply reply = get("/trends/series?host_id=web-01");

    assertEquals(200, reply.status);
    assertEquals(1, reply.body.size());
    JsonNode nginx = reply.body.get(0);
    assertEquals(NGINX_4242, nginx.get("series_id").textValue());
    assertEquals(4242, nginx.get("pid").intValue());
    assertEquals("nginx", nginx.get("comm").textValue());
    assertEquals(MONDAY_10_00 - FIVE_MINUTES, nginx.get("first_window_start_ms").longValue());
    assertEquals(MONDAY_10_00 + FIVE_MINUTES, nginx.get("last_window_end_ms").longValue());
    assertEquals(101_000_000.0, nginx.get("latest").get("rss_mean_bytes").doubleValue());
    assertEquals(JSON.createArrayNode(), get("/trends/series?host_id=db-02").body);
  }

  @Test
  void rejectsTrendQueriesThatDoNotSayWhichSeries() throws Exception {
    assertError("/trends?series_id=x&since=0", "host_id");
    assertError("/trends?host_id=web-01&since=0", "series_id or pid");
    assertError("/trends?host_id=web-01&pid=1&series_id=x&since=0", "series_id or pid");
    assertError("/trends?host_id=web-01&pid=one&since=0", "pid");
    assertError("/trends?host_id=web-01&pid=1", "since");
    assertError("/trends/series", "host_id");
  }

  private void assertError(String pathAndQuery, String naming) throws Exception {
    Reply reply = get(pathAndQuery);
    assertEquals(400, reply.status, pathAndQuery);
    assertTrue(reply.body.get("error").textValue().contains(naming), reply.body.toString());
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void answersUnknownPathsWithA404Json() throws Exception {
    Reply reply = get("/metrics");

    assertEquals(404, reply.status);
    assertTrue(reply.body.has("error"));
  }

  @Test
  void answersOtherMethodsWithA405() throws Exception {
    HttpRequest delete =
        HttpRequest.newBuilder(URI.create(server.url() + "/health")).DELETE().build();

    assertEquals(405, http.send(delete, HttpResponse.BodyHandlers.ofString()).statusCode());
  }

  @Test
  void givesItsUrlWithTheBoundPort() {
    assertTrue(server.url().matches("http://127\\.0\\.0\\.1:[1-9][0-9]*"), server.url());
  }

  private Reply get(String pathAndQuery) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery)).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        JSON.readTree(response.body()));
  }

  private record Reply(int status, String contentType, JsonNode body) {}
}
