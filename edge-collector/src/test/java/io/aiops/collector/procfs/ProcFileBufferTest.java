package io.aiops.collector.procfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFileBufferTest {
  private final ProcFileBuffer buffer = new ProcFileBuffer();

  @Test
  void readsAProcFileThatReportsSizeZero() throws IOException {
    Path status = Path.of("/proc/self/status");
    assertEquals(0, Files.size(status), "procfs files are generated as they are read");
    buffer.read(status);
    assertTrue(buffer.text().contains("VmRSS:"), buffer.text());
    assertTrue(buffer.text().endsWith("\n"));
  }

  @Test
  void growsForFilesLargerThanItsBufferAndStaysCorrectForSmallerOnesAfter(@TempDir Path dir)
      throws IOException {
    Path large = Files.writeString(dir.resolve("large"), "0123456789".repeat(10_000));
    Path small = Files.writeString(dir.resolve("small"), "abc\n");
    assertEquals(100_000, buffer.read(large));
    assertEquals("0123456789".repeat(10_000), buffer.text());
    assertEquals(4, buffer.read(small));
    assertEquals("abc\n", buffer.text());
  }

  @Test
  void readsOnlyTheStartWhenBounded(@TempDir Path dir) throws IOException {
    Path large = Files.writeString(dir.resolve("large"), "x".repeat(50_000));
    assertEquals(2048, buffer.read(large, 2048));
  }

  @Test
  void failsWithNoSuchFileForAProcessThatIsGone() {
    assertThrows(NoSuchFileException.class, () -> buffer.read(Path.of("/proc/0/status")));
  }
}
