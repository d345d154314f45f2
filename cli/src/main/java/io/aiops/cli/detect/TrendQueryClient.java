package io.aiops.cli.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks a query API ({@code aiops up}'s, or a fleet's sinks) for one process series' trend points:
 * {@code GET /trends?host_id=H&series_id=S&since=T}, page after page.
 */
final class TrendQueryClient {
  /** A store that does not answer a connection within this is taken as absent. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);
  private static final int PAGE = 10_000; // the API's largest limit
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The store could not be asked, or its answer not read; the message says why in a few words. */
  static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String reason) {
      super(reason);
    }
  }

  private final String baseUrl;
  private final HttpClient http;

  TrendQueryClient(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** The points of the series whose windows end at or after {@code sinceMs}, oldest first. */
  List<TrendPoint> points(String hostId, String seriesId, long sinceMs)
      throws Unavailable, InterruptedException {
    List<TrendPoint> points = new ArrayList<>();
    long from = sinceMs;
    while (true) {
      JsonNode page = get(hostId, seriesId, from);
      for (JsonNode point : page) {
        points.add(point(point, seriesId));
      }
      if (page.size() < PAGE) {
        return points;
      }
      from = points.get(points.size() - 1).windowEndMs() + 1;
    }
  }

  private JsonNode get(String hostId, String seriesId, long sinceMs)
      throws Unavailable, InterruptedException {
    URI uri =
        URI.create(
            baseUrl
                + "/trends?host_id="
                + encode(hostId)
                + "&series_id="
                + encode(seriesId)
                + "&since="
                + sinceMs
                + "&limit="
                + PAGE);
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (HttpConnectTimeoutException e) {
      throw new Unavailable("no connection within " + CONNECT_TIMEOUT.toSeconds() + " s");
    } catch (HttpTimeoutException e) {
      throw new Unavailable("no answer within " + ANSWER_TIMEOUT.toSeconds() + " s");
    } catch (ConnectException e) {
      throw new Unavailable("connection refused");
    } catch (IOException e) {
      throw new Unavailable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() != 200) {
      String error = body != null && body.has("error") ? ": " + body.get("error").asText() : "";
      throw new Unavailable("it answered HTTP " + response.statusCode() + error);
    }
    if (body == null || !body.isArray()) {
      throw new Unavailable("its answer is not a JSON array of trend points");
    }
    return body;
  }

  private static TrendPoint point(JsonNode point, String seriesId) throws Unavailable {
    if (!seriesId.equals(point.path("series_id").asText())
        || !point.path("window_start_ms").canConvertToLong()
        || !point.path("window_end_ms").canConvertToLong()
        || !point.path("rss_mean_bytes").isNumber()) {
      throw new Unavailable("its answer holds a point that is not one of " + seriesId);
    }
    JsonNode limit = point.path("limit_bytes");
    return new TrendPoint(
        point.get("window_start_ms").asLong(),
        point.get("window_end_ms").asLong(),
        point.get("rss_mean_bytes").asDouble(),
        limit.isNumber() ? limit.asLong() : -1);
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
