package io.aiops.cli.detect;

import io.aiops.cli.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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
   * Reads each file and has {@code engine} judge the series, in batches of its size; prints each
   * result with {@code print} and each unreadable file (or one the engine refuses) as one line on
   * stderr, in file order, flushing both streams after each batch. Returns how many files could not
   * be judged.
   */
  static int judgeEach(
      List<Path> files,
      Reader reader,
      DetectionEngine engine,
      Consumer<JudgedSeries> print,
      PrintWriter out,
      PrintWriter err) {
    int unjudged = 0;
    List<Object> pending = new ArrayList<>();
    List<MemorySeries> batch = new ArrayList<>();
    for (Path file : files) {
      String problem = null;
      try {
        MemorySeries series = reader.read(file);
        problem = engine.refuse(series).orElse(null);
        if (problem == null) {
          pending.add(series);
          batch.add(series);
        }
      } catch (MemorySeriesCsv.MalformedSeriesException e) {
        problem = e.getMessage();
      } catch (IOException e) {
        problem = file + ": cannot read: " + e.getMessage();
      }
      if (problem != null) {
        unjudged++;
        pending.add(new Problem(problem));
      }
      if (batch.size() == engine.batchSize()) {
        report(pending, engine.judge(batch), print, out, err);
        pending.clear();
        batch.clear();
      }
    }
    report(pending, batch.isEmpty() ? List.of() : engine.judge(batch), print, out, err);
    return unjudged;
  }

  /** One line for stderr in place of a file's result. */
  private record Problem(String line) {}

  private static void report(
      List<Object> pending,
      List<JudgedSeries> judged,
      Consumer<JudgedSeries> print,
      PrintWriter out,
      PrintWriter err) {
    Iterator<JudgedSeries> results = judged.iterator();
    for (Object entry : pending) {
      if (entry instanceof Problem problem) {
        out.flush();
        err.println("aiops: " + problem.line());
        err.flush();
      } else {
        print.accept(results.next());
      }
    }
    out.flush();
    err.flush();
  }
}
