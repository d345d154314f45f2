package io.aiops.schemas.registry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.avro.Schema;

/**
 * Talks the Confluent Schema Registry REST API (v1 media type) to one base URL. Uses {@link
 * HttpURLConnection} rather than java.net.http: the collector runs this on every host, and the
 * newer client loads some 500 more classes (its selector, TLS and reactive plumbing) for two
 * requests at start-up.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUrl;
  private final int timeoutMs;

  public RestSchemaRegistryClient(String baseUrl) {
    this(baseUrl, Duration.ofSeconds(10));
  }

  public RestSchemaRegistryClient(String baseUrl, Duration requestTimeout) {
    this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.timeoutMs = (int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis());
  }

  @Override
  public int register(String subject, Schema schema) {
    String body;
    // The streaming generator, not writeValueAsString: databind's serializer machinery is some 300
    // classes (a few MiB of every collector's metaspace) for one string field.
    try (StringWriter out = new StringWriter();
        JsonGenerator json = JSON.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("schema", schema.toString());
      json.writeEndObject();
      json.flush();
      body = out.toString();
    } catch (IOException e) {
      throw new SchemaRegistryException("cannot encode schema " + schema.getFullName(), e);
    }
    return send(
            "subjects/" + encode(subject) + "/versions",
            body,
            "register " + schema.getFullName() + " under " + subject)
        .path("id")
        .asInt();
  }

  @Override
  public Schema schemaById(int id) {
    JsonNode answer = send("schemas/ids/" + id, null, "fetch schema id " + id);
    return new Schema.Parser().parse(answer.path("schema").asText());
  }

  /** GET when {@code body} is null, else POST it; the answer's JSON on a 2xx status. */
  private JsonNode send(String path, String body, String what) {
    HttpURLConnection connection = null;
    try {
      connection = (HttpURLConnection) baseUrl.resolve(path).toURL().openConnection();
      connection.setConnectTimeout(timeoutMs);
      connection.setReadTimeout(timeoutMs);
      connection.setRequestProperty("Accept", MEDIA_TYPE + ", application/json");
      if (body != null) {
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", MEDIA_TYPE);
        try (OutputStream out = connection.getOutputStream()) {
          out.write(body.getBytes(StandardCharsets.UTF_8));
        }
      }
      int status = connection.getResponseCode();
      if (status / 100 != 2) {
        throw new SchemaRegistryException(
            "schema registry at "
                + baseUrl
                + " refused to "
                + what
                + ": HTTP "
                + status
                + " "
                + text(connection.getErrorStream()));
      }
      String answer = text(connection.getInputStream());
      try {
        return JSON.readTree(answer);
      } catch (IOException e) {
        throw new SchemaRegistryException("schema registry answered non-JSON to " + what, e);
      }
    } catch (IOException e) {
      throw new SchemaRegistryException(
          "schema registry at " + baseUrl + " unreachable (" + what + "): " + e.getMessage(), e);
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  private static String text(InputStream in) throws IOException {
    if (in == null) {
      return "";
    }
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
