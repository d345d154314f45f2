package io.aiops.sinks.http;

import static io.aiops.sinks.AnomalyFixtures.MONDAY_10_00;
import static io.aiops.sinks.AnomalyFixtures.ONE_MINUTE;
import static io.aiops.sinks.AnomalyFixtures.leakOnWeb01;
import static io.aiops.sinks.AnomalyFixtures.swapStormOnDb02;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.sinks.json.AnomalyJson;
import io.aiops.sinks.store.AnomalyStore;
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
  private AnomalyStore store;
  private QueryApiServer server;

  @BeforeEach
  void startServer(@TempDir Path dir) {
    store = AnomalyStore.open(dir);
    server = new QueryApiServer(store, "127.0.0.1", 0);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
    store.close();
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
    String expected = AnomalyJson.toJsonLine(leakOnWeb01("leak", MONDAY_10_00));
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
  void reportsHealthWithTheNumberOfStoredAnomalies() throws Exception {
    store.put(leakOnWeb01("a-1", MONDAY_10_00));

    Reply reply = get("/health");

    assertEquals(200, reply.status);
    assertEquals("ok", reply.body.get("status").textValue());
    assertEquals(1, reply.body.get("anomalies").longValue());
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
