package io.aiops.cli.detect;

import io.aiops.cli.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The input of the offline {@code aiops detect} commands: a CSV file or a directory of them, read
 * and analysed one by one in name order. A file that cannot be read or breaks the CSV contract gets
 * one line on stderr naming it (and the line), and the other files are still analysed.
 */
final class SeriesFiles {
  /** How a command reads one file ({@link MemorySeriesCsv#read} or {@code readValues}). */
  @FunctionalInterface
  interface Reader {
    MemorySeries read(Path file) throws IOException, MemorySeriesCsv.MalformedSeriesException;
  }

  private SeriesFiles() {}

  /** The file itself, or the directory's {@code *.csv} files in name order. */
  static List<Path> csvFiles(Path input) {
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    if (!Files.isDirectory(input)) {
      throw new UsageException(input + ": no such file or directory");
    }
    try (Stream<Path> entries = Files.list(input)) {
      List<Path> files =
          entries
              .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".csv"))
              .sorted()
              .toList();
      if (files.isEmpty()) {
        throw new UsageException(input + ": no .csv files in this directory");
      }
      return files;
    } catch (IOException e) {
      throw new UsageException(input + ": cannot list: " + e.getMessage());
    }
  }

  /**
   * Reads each file and hands the series to {@code analysis}, flushing both streams after each so
   * reports and errors interleave in file order; returns how many files could not be read.
   */
  static int analyseEach(
      List<Path> files,
      Reader reader,
      Consumer<MemorySeries> analysis,
      PrintWriter out,
      PrintWriter err) {
    int unreadable = 0;
    for (Path file : files) {
      try {
        analysis.accept(reader.read(file));
      } catch (MemorySeriesCsv.MalformedSeriesException e) {
        unreadable++;
        err.println("aiops: " + e.getMessage());
      } catch (IOException e) {
        unreadable++;
        err.println("aiops: " + file + ": cannot read: " + e.getMessage());
      }
      out.flush();
      err.flush();
    }
    return unreadable;
  }
}
