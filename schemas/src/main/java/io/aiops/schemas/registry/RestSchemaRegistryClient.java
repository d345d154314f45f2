package io.aiops.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.Schema;

/** Talks the Confluent Schema Registry REST API (v1 media type) to one base URL. */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUrl;
  private final HttpClient http;
  private final Duration requestTimeout;

  public RestSchemaRegistryClient(String baseUrl) {
    this(baseUrl, Duration.ofSeconds(10));
  }

  public RestSchemaRegistryClient(String baseUrl, Duration requestTimeout) {
    this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
  }

  @Override
  public int register(String subject, Schema schema) {
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
    } catch (IOException e) {
      throw new SchemaRegistryException("cannot encode schema " + schema.getFullName(), e);
    }
    HttpRequest request =
        request("subjects/" + encode(subject) + "/versions")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return send(request, "register " + schema.getFullName() + " under " + subject)
        .path("id")
        .asInt();
  }

  @Override
  public Schema schemaById(int id) {
    HttpRequest request = request("schemas/ids/" + id).GET().build();
    JsonNode answer = send(request, "fetch schema id " + id);
    return new Schema.Parser().parse(answer.path("schema").asText());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(baseUrl.resolve(path))
        .timeout(requestTimeout)
        .header("Content-Type", MEDIA_TYPE)
        .header("Accept", MEDIA_TYPE + ", application/json");
  }

  private JsonNode send(HttpRequest request, String what) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new SchemaRegistryException(
          "schema registry at " + baseUrl + " unreachable (" + what + "): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("interrupted during " + what, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new SchemaRegistryException(
          "schema registry at "
              + baseUrl
              + " refused to "
              + what
              + ": HTTP "
              + response.statusCode()
              + " "
              + response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new SchemaRegistryException("schema registry answered non-JSON to " + what, e);
    }
  }

  private static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
