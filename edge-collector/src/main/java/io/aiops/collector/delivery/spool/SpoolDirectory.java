package io.aiops.collector.delivery.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's directory as a whole: held by one process at a time through a lock file, its segments
 * recovered in order on open, its entries forced to the device when segments appear.
 */
final class SpoolDirectory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiskSpool.class);
  private static final String LOCK_FILE = "lock";

  private final Path path;
  private final FileChannel lockChannel;

  /** The segments found, oldest first, and what had to be cut off them. */
  record Recovered(List<SpoolSegment> segments, long lostRecords, long truncatedBytes) {}

  private SpoolDirectory(Path path, FileChannel lockChannel) {
    this.path = path;
    this.lockChannel = lockChannel;
  }

  /**
   * Creates the directory when missing and takes its lock.
   *
   * @throws IllegalStateException when another collector holds it
   */
  static SpoolDirectory lock(Path path) throws IOException {
    Files.createDirectories(path);
    FileChannel channel =
        FileChannel.open(
            path.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(
          "spool directory " + path + " is in use by another collector");
    }
    return new SpoolDirectory(path, channel);
  }

  /** Opens every segment in order, cutting what a crash tore or what is damaged. */
  Recovered recoverSegments() throws IOException {
    List<Path> files = segmentFiles();
    List<SpoolSegment> segments = new ArrayList<>(files.size());
    long lost = 0;
    long truncatedBytes = 0;
    for (int i = 0; i < files.size(); i++) {
      SpoolSegment.Scan scan =
          SpoolSegment.recover(files.get(i), SpoolSegment.baseSequenceOf(files.get(i)));
      SpoolSegment segment = scan.segment();
      if (scan.truncatedBytes() > 0) {
        // Inside the spool the next file's name tells how many records were cut; at its end, only
        // the one being written when the crash came can have been.
        boolean last = i + 1 == files.size();
        long nextBase = last ? 0 : SpoolSegment.baseSequenceOf(files.get(i + 1));
        lost += last ? 1 : Math.max(1, nextBase - segment.endSequence());
        truncatedBytes += scan.truncatedBytes();
        LOG.warn(
            "Spool segment {}: cut {} damaged or torn bytes after record {}",
            files.get(i),
            scan.truncatedBytes(),
            segment.endSequence() - 1);
      }
      segments.add(segment);
    }
    return new Recovered(segments, lost, truncatedBytes);
  }

  /** Forces the directory's entries, so that a new segment cannot vanish with a power loss. */
  void sync() {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not every platform can force a directory; the records themselves are still forced.
      LOG.debug("cannot force directory {}: {}", path, e.getMessage());
    }
  }

  Path path() {
    return path;
  }

  /** Releases the lock. */
  @Override
  public void close() throws IOException {
    lockChannel.close();
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(path)) {
      return files
          .filter(file -> SpoolSegment.baseSequenceOf(file) >= 0)
          .sorted(Comparator.comparingLong(SpoolSegment::baseSequenceOf))
          .toList();
    }
  }
}
