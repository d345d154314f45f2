package io.aiops.sinks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiops.schemas.memory.MemoryTrend;
import io.aiops.sinks.json.RecordJson;
import io.aiops.sinks.store.TrendSeries;
import io.aiops.sinks.store.TrendStore;
import java.util.List;
import java.util.Optional;

/**
 * The trend queries of the API: one series' points ({@code /trends}) and a host's series ({@code
 * /trends/series}). A bad parameter throws IllegalArgumentException naming it (answered with 400).
 */
final class TrendQueries {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final TrendStore store;

  TrendQueries(TrendStore store) {
    this.store = store;
  }

  /**
   * {@code host_id}, then {@code series_id} (one process instance) or {@code pid} (the instance of
   * that pid seen last on the host), {@code since} (epoch ms: windows ending at or after it) and an
   * optional {@code limit}: the points oldest first, each a MemoryTrend as JSON.
   */
  JsonNode points(QueryParameters query, int defaultLimit, int maxLimit) {
    String hostId = query.requiredText("host_id");
    if (query.has("series_id") == query.has("pid")) {
      throw new IllegalArgumentException("give either series_id or pid");
    }
    long since = query.requiredLong("since");
    int limit = (int) query.optionalLong("limit", defaultLimit, 1, maxLimit);
    Optional<String> seriesId =
        query.has("series_id")
            ? Optional.of(query.requiredText("series_id"))
            : store
                .latestOfPid(hostId, (int) query.requiredLong("pid", 0, Integer.MAX_VALUE))
                .map(TrendSeries::seriesId);
    ArrayNode array = NODES.arrayNode();
    seriesId.ifPresent(
        id -> store.points(hostId, id, since, limit).forEach(p -> array.add(RecordJson.toJson(p))));
    return array;
  }

  /** {@code host_id}: the series kept for the host, in series id order. */
  JsonNode series(QueryParameters query) {
    List<TrendSeries> series = store.series(query.requiredText("host_id"));
    ArrayNode array = NODES.arrayNode();
    series.forEach(s -> array.add(describe(s)));
    return array;
  }

  private static ObjectNode describe(TrendSeries series) {
    MemoryTrend latest = series.latest();
    ObjectNode node = NODES.objectNode();
    node.put("series_id", latest.getSeriesId());
    node.put("host_id", latest.getHostId());
    node.put("pid", latest.getPid());
    node.put("comm", latest.getComm());
    node.put("service", latest.getService());
    node.put("first_window_start_ms", series.firstWindowStartMs());
    node.put("last_window_end_ms", series.lastWindowEndMs());
    node.set("latest", RecordJson.toJson(latest));
    return node;
  }
}
