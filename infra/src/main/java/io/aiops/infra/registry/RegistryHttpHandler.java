package io.aiops.infra.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the Confluent Schema Registry REST API (the subset the serde and tools use) onto a store.
 */
final class RegistryHttpHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
  static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();
  // Avro schemas of a few hundred KB exist; anything far beyond is not a schema.
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
  private static final int NOT_FOUND = 404;
  private static final int METHOD_NOT_ALLOWED = 405;
  private static final int BAD_REQUEST = 400;
  private static final int TOO_LARGE = 413;

  private final SchemaStore store;

  RegistryHttpHandler(SchemaStore store) {
    this.store = store;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      int status = 200;
      Object body;
      try {
        body = route(exchange.getRequestMethod(), segments(exchange), exchange);
      } catch (RegistryError e) {
        status = e.httpStatus();
        body = error(e.errorCode(), e.getMessage());
        if (e.errorCode() == RegistryError.STORE_ERROR) {
          LOG.warn("{}", e.getMessage(), e.getCause());
        }
      } catch (RuntimeException e) {
        LOG.warn("Failed {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        status = 500;
        body = error(500, "Internal Server Error");
      }
      respond(exchange, status, body);
    }
  }

  private Object route(String method, List<String> path, HttpExchange exchange) {
    boolean get = "GET".equals(method);
    boolean post = "POST".equals(method);
    int size = path.size();
    String root = size == 0 ? "" : path.get(0);
    if (size == 0 && get) {
      return Map.of();
    }
    if ("config".equals(root) && size == 1 && get) {
      return Map.of("compatibilityLevel", "BACKWARD");
    }
    if ("schemas".equals(root) && size == 3 && "ids".equals(path.get(1)) && get) {
      return Map.of("schema", store.schemaById(schemaId(path.get(2))));
    }
    if ("subjects".equals(root)) {
      if (size == 1 && get) {
        return store.subjects();
      }
      if (size == 2 && post) {
        return registered(store.lookupOrFail(path.get(1), schemaOf(exchange)));
      }
      if (size == 3 && "versions".equals(path.get(2)) && get) {
        return store.versions(path.get(1));
      }
      if (size == 3 && "versions".equals(path.get(2)) && post) {
        return Map.of("id", store.register(path.get(1), schemaOf(exchange)));
      }
      if (size == 4 && "versions".equals(path.get(2)) && get) {
        return registered(store.version(path.get(1), path.get(3)));
      }
    }
    if (knownPath(path)) {
      throw new RegistryError(METHOD_NOT_ALLOWED, "HTTP 405 Method Not Allowed");
    }
    throw new RegistryError(NOT_FOUND, "HTTP 404 Not Found");
  }

  private static boolean knownPath(List<String> path) {
    int size = path.size();
    String root = size == 0 ? "" : path.get(0);
    return size == 0
        || ("config".equals(root) && size == 1)
        || ("schemas".equals(root) && size == 3 && "ids".equals(path.get(1)))
        || ("subjects".equals(root) && size <= 2)
        || ("subjects".equals(root) && size <= 4 && "versions".equals(path.get(2)));
  }

  /** The Avro schema text of a register or lookup request. */
  private static String schemaOf(HttpExchange exchange) {
    JsonNode request;
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new RegistryError(TOO_LARGE, "Request body larger than " + MAX_BODY_BYTES + " bytes");
      }
      request = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new RegistryError(BAD_REQUEST, "Malformed JSON request body");
    } catch (IOException e) {
      throw new RegistryError(BAD_REQUEST, "Unreadable request body");
    }
    if (request == null || !request.isObject()) {
      throw new RegistryError(BAD_REQUEST, "Request body must be a JSON object");
    }
    String type = request.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw RegistryError.invalidSchema("schema type " + type + " is not supported, only AVRO");
    }
    if (request.path("references").size() > 0) {
      throw RegistryError.invalidSchema("schema references are not supported");
    }
    JsonNode schema = request.get("schema");
    if (schema == null || !schema.isTextual()) {
      throw RegistryError.invalidSchema("the request has no \"schema\" string");
    }
    return schema.asText();
  }

  private static int schemaId(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw RegistryError.schemaNotFound();
    }
  }

  private static Map<String, Object> registered(SchemaStore.Registered registered) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", registered.subject());
    body.put("version", registered.version());
    body.put("id", registered.id());
    body.put("schema", registered.schema());
    return body;
  }

  private static Map<String, Object> error(int code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", code);
    body.put("message", message);
    return body;
  }

  /** Path segments, each URL-decoded on its own so that an encoded '/' stays inside a subject. */
  private static List<String> segments(HttpExchange exchange) {
    List<String> segments = new ArrayList<>();
    for (String raw : exchange.getRequestURI().getRawPath().split("/")) {
      if (raw.isEmpty()) {
        continue;
      }
      try {
        segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new RegistryError(NOT_FOUND, "HTTP 404 Not Found");
      }
    }
    return segments;
  }

  private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", MEDIA_TYPE);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
