package io.aiops.detection.stl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One reference decomposition under {@code src/test/resources/stl/}, written by R ({@code
 * src/test/r/make-stl-fixtures.R}) or statsmodels ({@code src/test/python/}), never by this code.
 *
 * @param source "R" or "statsmodels"
 * @param series the input series' name (co2, nottem, memory48, memory288, step48)
 * @param settings the parameters the reference tool reported it used
 * @param rDefaults whether those parameters are R's defaults for the period and seasonal window
 * @param injected per point: {@link #SPIKE} where the generator added a spike, {@link #LEVEL_SHIFT}
 *     where a level shift starts, else 0
 */
record StlFixture(
    String name,
    String source,
    String series,
    StlSettings settings,
    int seasonalWindowCycles,
    int seasonalJumpCycles,
    boolean rDefaults,
    double[] x,
    double[] seasonal,
    double[] trend,
    double[] remainder,
    int[] injected) {
  static final int SPIKE = 1;
  static final int LEVEL_SHIFT = 2;

  static List<StlFixture> fromR() {
    return load("fixtures-r.csv");
  }

  static List<StlFixture> fromStatsmodels() {
    return load("fixtures-statsmodels.csv");
  }

  static StlFixture named(String name) {
    List<StlFixture> all = new ArrayList<>(fromR());
    all.addAll(fromStatsmodels());
    return all.stream()
        .filter(fixture -> fixture.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no STL fixture " + name));
  }

  /** Indices of the points where {@code kind} was injected, ascending. */
  List<Integer> injectedAt(int kind) {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < injected.length; i++) {
      if (injected[i] == kind) {
        indices.add(i);
      }
    }
    return indices;
  }

  boolean robust() {
    return settings.outerIterations() > 0;
  }

  @Override
  public String toString() {
    return name;
  }

  private static List<StlFixture> load(String indexName) {
    List<StlFixture> fixtures = new ArrayList<>();
    for (Map<String, String> row : readCsv(indexName)) {
      fixtures.add(fromIndexRow(row));
    }
    return fixtures;
  }

  private static StlFixture fromIndexRow(Map<String, String> row) {
    boolean periodic = Boolean.parseBoolean(row.get("periodic"));
    StlSettings settings =
        new StlSettings(
            integer(row, "period"),
            periodic,
            periodic ? 0 : integer(row, "s_window"),
            integer(row, "s_degree"),
            periodic ? 0 : integer(row, "s_jump"),
            integer(row, "t_window"),
            integer(row, "t_degree"),
            integer(row, "t_jump"),
            integer(row, "l_window"),
            integer(row, "l_degree"),
            integer(row, "l_jump"),
            integer(row, "inner"),
            integer(row, "outer"));
    String name = row.get("name");
    List<Map<String, String>> points = readCsv(name + ".csv");
    return new StlFixture(
        name,
        row.get("source"),
        row.get("series"),
        settings,
        integer(row, "s_window"),
        integer(row, "s_jump"),
        Boolean.parseBoolean(row.get("r_defaults")),
        column(points, "x"),
        column(points, "seasonal"),
        column(points, "trend"),
        column(points, "remainder"),
        points.stream().mapToInt(point -> Integer.parseInt(point.get("injected"))).toArray());
  }

  private static int integer(Map<String, String> row, String column) {
    return Integer.parseInt(row.get(column));
  }

  private static double[] column(List<Map<String, String>> rows, String column) {
    return rows.stream().mapToDouble(row -> Double.parseDouble(row.get(column))).toArray();
  }

  private static List<Map<String, String>> readCsv(String resource) {
    InputStream stream = StlFixture.class.getResourceAsStream("/stl/" + resource);
    if (stream == null) {
      throw new IllegalStateException("missing test resource stl/" + resource);
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String[] header = reader.readLine().split(",");
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.split(",");
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], cells[i]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
