package io.aiops.infra.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiops.infra.stack.LocalStack;
import io.aiops.infra.stack.LocalStackSettings;
import io.aiops.infra.testing.EmbeddedStackExtension;
import io.aiops.schemas.registry.RestSchemaRegistryClient;
import io.aiops.schemas.registry.SchemaRegistryException;
import io.aiops.schemas.topic.TopicNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(EmbeddedStackExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedSchemaRegistryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final LocalStack stack;
  private final RestSchemaRegistryClient client;

  EmbeddedSchemaRegistryIT(LocalStack stack) {
    this.stack = stack;
    this.client = new RestSchemaRegistryClient(stack.schemaRegistryUrl());
  }

  @Test
  void registersASchemaAndResolvesItsIdBackToTheSameSchema() {
    Schema schema = record("Sample", "rss_bytes");

    int id = client.register("register-fetch-value", schema);

    assertTrue(id >= 1, "ids start at 1");
    assertEquals(schema, client.schemaById(id));
  }

  @Test
  void givesTheSameIdWhenTheSameSchemaIsRegisteredTwice() throws Exception {
    Schema schema = record("Twice", "pss_bytes");
    int first = client.register("twice-value", schema);

    int second = client.register("twice-value", schema);
    // The same schema pretty-printed is still the same schema.
    JsonNode pretty =
        post(
            "/subjects/twice-value/versions",
            body(JSON.readTree(schema.toString()).toPrettyString()));

    assertEquals(first, second);
    assertEquals(first, pretty.path("id").asInt());
    assertEquals(List.of(1), ints(get("/subjects/twice-value/versions")), "no second version");
  }

  @Test
  void reusesTheIdOfAnIdenticalSchemaUnderAnotherSubject() {
    Schema schema = record("Shared", "swap_bytes");

    int underSamples = client.register("shared-a-value", schema);
    int underTrends = client.register("shared-b-value", schema);

    assertEquals(underSamples, underTrends);
  }

  @Test
  void numbersNewSchemasOfASubjectAsNextVersionsWithNewIds() throws Exception {
    int v1 = client.register("evolving-value", record("Evolving", "rss_bytes"));
    int v2 = client.register("evolving-value", record("Evolving", "rss_bytes", "swap_bytes"));

    assertNotEquals(v1, v2);
    assertEquals(List.of(1, 2), ints(get("/subjects/evolving-value/versions")));
    JsonNode latest = get("/subjects/evolving-value/versions/latest");
    assertEquals(2, latest.path("version").asInt());
    assertEquals(v2, latest.path("id").asInt());
    assertEquals(v1, get("/subjects/evolving-value/versions/1").path("id").asInt());
    JsonNode lookup =
        post("/subjects/evolving-value", body(record("Evolving", "rss_bytes").toString()));
    assertEquals(1, lookup.path("version").asInt());
    assertEquals(v1, lookup.path("id").asInt());
    assertTrue(texts(get("/subjects")).contains("evolving-value"));
  }

  @Test
  void writesTheRegistrationToTheSchemasTopicBeforeAnswering() {
    Schema schema = record("Persisted", "anon_bytes");

    int id = client.register("persisted-value", schema);

    List<ConsumerRecord<String, String>> records = readSchemasTopic(stack.bootstrapServers());
    ConsumerRecord<String, String> written =
        records.stream()
            .filter(r -> r.key().contains("\"persisted-value\""))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no record for persisted-value in _schemas"));
    assertEquals(
        "{\"keytype\":\"SCHEMA\",\"subject\":\"persisted-value\",\"version\":1,\"magic\":1}",
        written.key());
    JsonNode value = parse(written.value());
    assertEquals(id, value.path("id").asInt());
    assertEquals(schema, new Schema.Parser().parse(value.path("schema").asText()));
    assertEquals(false, value.path("deleted").asBoolean(true));
  }

  @Test
  void rejectsAMalformedSchemaWith422AndErrorCode42201() throws Exception {
    HttpResponse<String> response =
        send("POST", "/subjects/broken-value/versions", body("{\"type\":\"record\",\"name\":"));

    assertEquals(422, response.statusCode());
    assertEquals(42201, parse(response.body()).path("error_code").asInt());
    assertEquals(
        "application/vnd.schemaregistry.v1+json",
        response.headers().firstValue("Content-Type").orElse(""));
    assertThrows(
        SchemaRegistryException.class, () -> client.schemaById(999_999), "unknown id fails");
  }

  @Test
  void answersBadRequestsWithConfluentStyleErrorsAndNoStackTrace() throws Exception {
    assertError(send("POST", "/subjects/x-value/versions", "not json"), 400, 400);
    assertError(send("POST", "/subjects/x-value/versions", "{}"), 422, 42201);
    assertError(send("GET", "/schemas/ids/999999", null), 404, 40403);
    assertError(send("GET", "/schemas/ids/abc", null), 404, 40403);
    assertError(send("GET", "/subjects/no-such-subject/versions", null), 404, 40401);
    client.register("versioned-value", record("Versioned", "rss_bytes"));
    assertError(send("GET", "/subjects/versioned-value/versions/7", null), 404, 40402);
    assertError(send("GET", "/subjects/versioned-value/versions/zero", null), 422, 42202);
    assertError(
        send("POST", "/subjects/versioned-value", body(record("Other", "x").toString())),
        404,
        40403);
    assertError(send("GET", "/no/such/path", null), 404, 404);
    assertError(send("DELETE", "/subjects", null), 405, 405);
    assertEquals("BACKWARD", get("/config").path("compatibilityLevel").asText());
  }

  @Test
  void keepsIdsAcrossARestartOfRegistryAndBrokerAndContinuesNumbering(@TempDir Path dataDir) {
    LocalStackSettings settings = LocalStackSettings.ephemeralPorts(dataDir);
    Schema first = record("First", "rss_bytes");
    Schema second = record("Second", "rss_bytes");
    int firstId;
    int secondId;
    try (LocalStack before = LocalStack.start(settings)) {
      RestSchemaRegistryClient client = new RestSchemaRegistryClient(before.schemaRegistryUrl());
      firstId = client.register("restart-value", first);
      secondId = client.register("other-value", second);
    }
    assertEquals(1, firstId, "a fresh registry numbers from 1");
    assertEquals(2, secondId);

    try (LocalStack after = LocalStack.start(settings)) {
      RestSchemaRegistryClient client = new RestSchemaRegistryClient(after.schemaRegistryUrl());

      assertEquals(first, client.schemaById(firstId));
      assertEquals(second, client.schemaById(secondId));
      assertEquals(firstId, client.register("restart-value", first), "still registered");
      assertEquals(3, client.register("restart-value", record("Third", "rss_bytes")));
    }
  }

  private static Schema record(String name, String... longFields) {
    SchemaBuilder.FieldAssembler<Schema> fields =
        SchemaBuilder.record(name).namespace("io.aiops.test").fields();
    for (String field : longFields) {
      fields = fields.requiredLong(field);
    }
    return fields.endRecord();
  }

  private static String body(String schema) throws Exception {
    return JSON.writeValueAsString(Map.of("schema", schema));
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = send("GET", path, null);
    assertEquals(200, response.statusCode(), response.body());
    return parse(response.body());
  }

  private JsonNode post(String path, String body) throws Exception {
    HttpResponse<String> response = send("POST", path, body);
    assertEquals(200, response.statusCode(), response.body());
    return parse(response.body());
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.schemaRegistryUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void assertError(HttpResponse<String> response, int status, int errorCode) {
    assertEquals(status, response.statusCode(), response.body());
    JsonNode error = parse(response.body());
    assertEquals(errorCode, error.path("error_code").asInt(), response.body());
    assertTrue(error.path("message").isTextual(), response.body());
    assertTrue(!response.body().contains("Exception"), "no stack trace: " + response.body());
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asInt()));
    return values;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static List<ConsumerRecord<String, String>> readSchemasTopic(String bootstrapServers) {
    TopicPartition partition = new TopicPartition(TopicNames.SCHEMAS, 0);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }
}
