package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The detectors stay plain Java, so the Kafka Streams, Flink and offline engines share them. */
class DetectionBoundaryTest {
  private static final Path MAIN_SOURCES = Path.of("src/main/java/io/aiops/detection");

  // Walks sub-packages too (io.aiops.detection.stl).
  @Test
  void mainCodeImportsNothingButTheJdk() throws IOException {
    assertTrue(Files.isDirectory(MAIN_SOURCES), "run from the module directory");
    List<String> foreign;
    try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
      foreign =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .flatMap(DetectionBoundaryTest::foreignImports)
              .collect(Collectors.toList());
    }

    assertEquals(List.of(), foreign);
  }

  private static Stream<String> foreignImports(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .map(String::trim)
          .filter(line -> line.startsWith("import "))
          // The JDK, and the library's own packages (stl, anomaly, eval build on the detectors).
          .filter(line -> !line.matches("import (static )?(java|io\\.aiops\\.detection)\\..*"))
          .map(line -> file.getFileName() + ": " + line);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
