package io.aiops.collector.delivery.spool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, size-capped log of opaque records in a directory, read back in order and
 * acknowledged by position, surviving restarts and crashes.
 *
 * <p>Records get consecutive sequence numbers. Segment files roll at {@link
 * SpoolLimits#segmentBytes()}; a segment whose records are all acknowledged is deleted, and when
 * the segments together would pass {@link SpoolLimits#maxBytes()} the oldest one is dropped whole,
 * acknowledged or not, and its unacknowledged records counted. The position of the first
 * unacknowledged record is kept in a small file, so that {@link #open} resumes there. Safe for use
 * by several threads; one process at a time may hold a directory.
 */
public final class DiskSpool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DiskSpool.class);
  // During a replay acknowledgements arrive by the thousand a second: rewrite the position file at
  // most this often (a crash resends at most this much); checkpoint() catches up when idle.
  private static final long POSITION_WRITE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final SpoolDirectory directory;
  private final SpoolLimits limits;
  private final SpoolFsync fsync;
  private final AcknowledgedPosition position;
  // Oldest first; the last one takes the appends.
  private final List<SpoolSegment> segments;
  private final SpoolRecovery recovery;
  private long acknowledged;
  private long writtenAcknowledged;
  private long lastPositionWriteNanos;
  private long droppedRecords;
  private long lostRecords;
  private Cursor cursor;
  private boolean closed;

  /** Where the last read stopped, so that the next one continues without walking the segment. */
  private record Cursor(SpoolSegment segment, long sequence, long offset) {}

  private DiskSpool(
      SpoolDirectory directory,
      SpoolLimits limits,
      SpoolFsync fsync,
      List<SpoolSegment> segments,
      long acknowledged,
      long lostRecords,
      long truncatedBytes)
      throws IOException {
    this.directory = directory;
    this.limits = limits;
    this.fsync = fsync;
    this.position = new AcknowledgedPosition(directory.path());
    this.segments = segments;
    this.acknowledged = acknowledged;
    this.writtenAcknowledged = acknowledged;
    this.lostRecords = lostRecords;
    deleteAcknowledgedSegments();
    if (segments.isEmpty() || active().endSequence() < acknowledged) {
      // Records past the end were acknowledged yet are gone (a power loss took unsynced appends):
      // numbering resumes after them so that no new record looks acknowledged already.
      roll(Math.max(acknowledged, segments.isEmpty() ? 0 : active().endSequence()));
      deleteAcknowledgedSegments();
    }
    this.recovery = new SpoolRecovery(pendingRecords(), lostRecords, truncatedBytes);
  }

  /**
   * Opens the spool in {@code directory} (created when missing): truncates a record torn by a crash
   * at the end of any segment, and resumes at the first unacknowledged record.
   *
   * @throws IllegalStateException when another collector holds the directory
   */
  public static DiskSpool open(Path directory, SpoolLimits limits, SpoolFsync fsync)
      throws IOException {
    SpoolDirectory spoolDirectory = SpoolDirectory.lock(directory);
    try {
      SpoolDirectory.Recovered recovered = spoolDirectory.recoverSegments();
      List<SpoolSegment> segments = new ArrayList<>(recovered.segments());
      long firstSequence = segments.isEmpty() ? 0 : segments.get(0).baseSequence();
      long acknowledged = new AcknowledgedPosition(directory).read().orElse(firstSequence);
      return new DiskSpool(
          spoolDirectory,
          limits,
          fsync,
          segments,
          acknowledged,
          recovered.lostRecords(),
          recovered.truncatedBytes());
    } catch (IOException | RuntimeException e) {
      spoolDirectory.close();
      throw e;
    }
  }

  /**
   * Appends one record and returns its sequence, dropping the oldest segment first when the cap
   * would be passed.
   *
   * @throws IllegalArgumentException when the record alone is bigger than the cap
   */
  public synchronized long append(byte[] payload) throws IOException {
    ensureOpen();
    long frameBytes = RecordFrame.HEADER_BYTES + (long) payload.length;
    if (SpoolSegment.HEADER_BYTES + frameBytes > limits.maxBytes()) {
      throw new IllegalArgumentException(
          "a record of " + payload.length + " bytes cannot fit a spool of " + limits.maxBytes());
    }
    SpoolSegment active = active();
    if (active.records() > 0 && active.sizeBytes() + frameBytes > limits.segmentBytes()) {
      active = roll(active.endSequence());
    }
    while (sizeBytes() + frameBytes > limits.maxBytes() && segments.size() > 1) {
      dropOldest();
    }
    active.append(payload, fsync == SpoolFsync.EVERY_RECORD);
    return active.endSequence() - 1;
  }

  /**
   * Records in order from {@code fromSequence} (or the oldest one kept, if that was dropped): at
   * most {@code maxRecords}, and about {@code maxBytes} of payload (at least one record).
   */
  public synchronized List<SpooledRecord> read(long fromSequence, int maxRecords, long maxBytes)
      throws IOException {
    ensureOpen();
    List<SpooledRecord> out = new ArrayList<>();
    long sequence = Math.max(fromSequence, firstSequence());
    long bytes = 0;
    for (int i = 0; i < segments.size() && out.size() < maxRecords && bytes < maxBytes; i++) {
      SpoolSegment segment = segments.get(i);
      if (sequence >= segment.endSequence()) {
        continue;
      }
      sequence = Math.max(sequence, segment.baseSequence());
      long offset =
          cursor != null && cursor.segment() == segment && cursor.sequence() == sequence
              ? cursor.offset()
              : segment.offsetOf(sequence);
      SpoolSegment.Read read =
          segment.read(offset, sequence, maxRecords - out.size(), maxBytes - bytes);
      for (SpooledRecord record : read.records()) {
        out.add(record);
        bytes += record.payload().length;
      }
      sequence += read.records().size();
      if (read.damaged()) {
        cutDamaged(segment, read.nextOffset(), sequence);
        continue;
      }
      cursor = new Cursor(segment, sequence, read.nextOffset());
      if (sequence < segment.endSequence()) {
        break;
      }
    }
    return out;
  }

  /**
   * Marks every record before {@code nextSequence} acknowledged, deletes the segments that leaves
   * fully acknowledged, and writes the position (at most once a second; see {@link #checkpoint}).
   */
  public synchronized void acknowledge(long nextSequence) throws IOException {
    ensureOpen();
    if (nextSequence > nextSequence()) {
      throw new IllegalArgumentException(
          "cannot acknowledge up to " + nextSequence + ": the spool ends at " + nextSequence());
    }
    if (nextSequence <= acknowledged) {
      return;
    }
    acknowledged = nextSequence;
    deleteAcknowledgedSegments();
    if (System.nanoTime() - lastPositionWriteNanos >= POSITION_WRITE_INTERVAL_NANOS) {
      writePosition();
    }
  }

  /** Writes the acknowledged position if it moved since it was last written. */
  public synchronized void checkpoint() throws IOException {
    ensureOpen();
    if (acknowledged != writtenAcknowledged) {
      writePosition();
    }
  }

  /** The sequence of the first record not yet acknowledged (the next one if all are). */
  public synchronized long firstUnacknowledged() {
    return Math.max(acknowledged, firstSequence());
  }

  /** The sequence the next appended record will get. */
  public synchronized long nextSequence() {
    return active().endSequence();
  }

  /** Records kept and not yet acknowledged. */
  public synchronized long pendingRecords() {
    long pending = 0;
    for (SpoolSegment segment : segments) {
      pending += unacknowledgedIn(segment);
    }
    return pending;
  }

  /** Bytes the segment files occupy. */
  public synchronized long sizeBytes() {
    long bytes = 0;
    for (SpoolSegment segment : segments) {
      bytes += segment.sizeBytes();
    }
    return bytes;
  }

  /** Unacknowledged records dropped since open because the spool was full. */
  public synchronized long droppedRecords() {
    return droppedRecords;
  }

  /** Records lost since open to damage: torn by a crash, or failing their CRC when read. */
  public synchronized long lostRecords() {
    return lostRecords;
  }

  /** What {@link #open} found. */
  public SpoolRecovery recovery() {
    return recovery;
  }

  public Path directory() {
    return directory.path();
  }

  /** Writes the acknowledged position and releases the directory. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (acknowledged != writtenAcknowledged) {
        writePosition();
      }
      active().seal();
    } finally {
      directory.close();
    }
  }

  private SpoolSegment active() {
    return segments.get(segments.size() - 1);
  }

  private long firstSequence() {
    return segments.get(0).baseSequence();
  }

  private long unacknowledgedIn(SpoolSegment segment) {
    long acknowledgedHere =
        Math.min(Math.max(acknowledged, segment.baseSequence()), segment.endSequence());
    return segment.endSequence() - acknowledgedHere;
  }

  private SpoolSegment roll(long baseSequence) throws IOException {
    if (!segments.isEmpty()) {
      active().seal();
    }
    SpoolSegment segment = SpoolSegment.create(directory.path(), baseSequence);
    segments.add(segment);
    if (fsync == SpoolFsync.EVERY_RECORD) {
      // Forcing records is pointless if the file that holds them can vanish with its directory
      // entry.
      directory.sync();
    }
    return segment;
  }

  private void dropOldest() throws IOException {
    SpoolSegment oldest = segments.remove(0);
    // Some of these may already be with the producer and still arrive; they count as dropped.
    long unacknowledged = unacknowledgedIn(oldest);
    droppedRecords += unacknowledged;
    forget(oldest);
    oldest.delete();
    // One line per dropped segment (a sixteenth of the spool by default): rare, and worth seeing.
    LOG.warn(
        "Spool {} full ({} bytes): dropped its oldest segment with {} unsent records",
        directory.path(),
        limits.maxBytes(),
        unacknowledged);
  }

  private void deleteAcknowledgedSegments() throws IOException {
    while (segments.size() > 1 && segments.get(0).endSequence() <= acknowledged) {
      SpoolSegment done = segments.remove(0);
      forget(done);
      done.delete();
    }
  }

  /**
   * A frame that fails its check after open (the disk changed under us): the rest of its segment
   * cannot be walked, so it is cut, and appends move to a new segment to keep numbers unique.
   */
  private void cutDamaged(SpoolSegment segment, long offset, long sequence) throws IOException {
    long end = segment.endSequence();
    lostRecords += end - sequence;
    LOG.warn(
        "Spool segment {} is damaged at record {}: dropping its {} records from there",
        segment.path(),
        sequence,
        end - sequence);
    segment.truncate(offset, (int) (sequence - segment.baseSequence()));
    forget(segment);
    if (segment == active()) {
      roll(end);
    }
  }

  private void forget(SpoolSegment segment) {
    if (cursor != null && cursor.segment() == segment) {
      cursor = null;
    }
  }

  private void writePosition() throws IOException {
    position.write(acknowledged);
    writtenAcknowledged = acknowledged;
    lastPositionWriteNanos = System.nanoTime();
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("spool " + directory.path() + " is closed");
    }
  }
}
