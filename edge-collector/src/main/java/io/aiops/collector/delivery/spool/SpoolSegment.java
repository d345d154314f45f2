package io.aiops.collector.delivery.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One append-only file of the spool: an 8-byte header (magic, format version), then records in
 * {@link RecordFrame}s. The file name is the sequence number of its first record, so a record's
 * sequence is that number plus its index in the file.
 */
final class SpoolSegment {
  static final String SUFFIX = ".seg";
  static final int HEADER_BYTES = 8;
  // "ASPL": a file that does not start with it was never a spool segment, or was overwritten.
  private static final int MAGIC = 0x4153504C;
  private static final int FORMAT_VERSION = 1;

  private final Path path;
  private final long baseSequence;
  private int records;
  private long sizeBytes;
  private FileChannel appendChannel;

  private SpoolSegment(Path path, long baseSequence, int records, long sizeBytes) {
    this.path = path;
    this.baseSequence = baseSequence;
    this.records = records;
    this.sizeBytes = sizeBytes;
  }

  /** What a segment holds after its valid frames were counted, and what followed them. */
  record Scan(SpoolSegment segment, long truncatedBytes) {}

  static Path pathFor(Path directory, long baseSequence) {
    return directory.resolve(String.format("%020d%s", baseSequence, SUFFIX));
  }

  /** The base sequence in a segment's file name, or -1 when the name is not a segment's. */
  static long baseSequenceOf(Path file) {
    String name = file.getFileName().toString();
    if (!name.endsWith(SUFFIX) || name.length() != 20 + SUFFIX.length()) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(0, 20));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static SpoolSegment create(Path directory, long baseSequence) throws IOException {
    Path path = pathFor(directory, baseSequence);
    try (FileChannel channel =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.READ)) {
      RecordFrame.writeFully(channel, header(), 0);
    }
    return new SpoolSegment(path, baseSequence, 0, HEADER_BYTES);
  }

  /**
   * Counts the valid frames of an existing file and cuts it after the last one: whatever follows (a
   * record torn by a crash, or damaged bytes) cannot be trusted and is truncated. A file too short
   * or with a foreign header is reset to an empty segment.
   */
  static Scan recover(Path path, long baseSequence) throws IOException {
    try (FileChannel channel =
        FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      long fileBytes = channel.size();
      if (!hasValidHeader(channel, path)) {
        channel.truncate(0);
        RecordFrame.writeFully(channel, header(), 0);
        return new Scan(new SpoolSegment(path, baseSequence, 0, HEADER_BYTES), fileBytes);
      }
      long offset = HEADER_BYTES;
      int records = 0;
      while (offset < fileBytes) {
        RecordFrame.Read frame = RecordFrame.read(channel, offset, fileBytes);
        if (!frame.valid()) {
          break;
        }
        offset = frame.nextOffset();
        records++;
      }
      if (offset < fileBytes) {
        channel.truncate(offset);
      }
      return new Scan(new SpoolSegment(path, baseSequence, records, offset), fileBytes - offset);
    }
  }

  /** Appends one framed payload; with {@code force}, returns only once it is on the device. */
  void append(byte[] payload, boolean force) throws IOException {
    FileChannel channel = appendChannel();
    ByteBuffer frame = RecordFrame.of(payload);
    try {
      RecordFrame.writeFully(channel, frame, sizeBytes);
      if (force) {
        channel.force(false);
      }
    } catch (IOException e) {
      // A half-written frame (disk full) would hide every later one: cut it off again.
      channel.truncate(sizeBytes);
      throw e;
    }
    sizeBytes += frame.limit();
    records++;
  }

  /**
   * What one read found: the records, where the next frame starts, and whether the read stopped at
   * a frame that fails its length or CRC check (damaged after the spool was opened).
   */
  record Read(List<SpooledRecord> records, long nextOffset, boolean damaged) {}

  /**
   * Up to {@code maxRecords} frames from {@code offset} (the frame of {@code sequence}), stopping
   * before {@code maxBytes} of payload unless nothing was read yet, so that a read always advances.
   */
  Read read(long offset, long sequence, int maxRecords, long maxBytes) throws IOException {
    List<SpooledRecord> out = new ArrayList<>();
    FileChannel channel = appendChannel != null ? appendChannel : FileChannel.open(path);
    try {
      long bytes = 0;
      while (offset < sizeBytes && out.size() < maxRecords) {
        RecordFrame.Read frame = RecordFrame.read(channel, offset, sizeBytes);
        if (!frame.valid()) {
          return new Read(out, offset, true);
        }
        if (!out.isEmpty() && bytes + frame.payload().length > maxBytes) {
          break;
        }
        out.add(new SpooledRecord(sequence + out.size(), frame.payload()));
        bytes += frame.payload().length;
        offset = frame.nextOffset();
      }
    } finally {
      if (channel != appendChannel) {
        channel.close();
      }
    }
    return new Read(out, offset, false);
  }

  /** The file offset of the frame of {@code sequence}, found by walking the frame lengths. */
  long offsetOf(long sequence) throws IOException {
    long skip = sequence - baseSequence;
    long offset = HEADER_BYTES;
    FileChannel channel = appendChannel != null ? appendChannel : FileChannel.open(path);
    try {
      for (long i = 0; i < skip && offset < sizeBytes; i++) {
        offset += RecordFrame.HEADER_BYTES + RecordFrame.payloadLength(channel, offset);
      }
    } finally {
      if (channel != appendChannel) {
        channel.close();
      }
    }
    return offset;
  }

  /** Keeps the first {@code keptRecords} records, which end at {@code offset}; drops the rest. */
  void truncate(long offset, int keptRecords) throws IOException {
    if (appendChannel != null) {
      appendChannel.truncate(offset);
    } else {
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
        channel.truncate(offset);
      }
    }
    sizeBytes = offset;
    records = keptRecords;
  }

  /** No more appends: releases the file handle that appends use. */
  void seal() throws IOException {
    if (appendChannel != null) {
      appendChannel.close();
      appendChannel = null;
    }
  }

  void delete() throws IOException {
    seal();
    Files.deleteIfExists(path);
  }

  long baseSequence() {
    return baseSequence;
  }

  /** The sequence the next record appended here would get. */
  long endSequence() {
    return baseSequence + records;
  }

  int records() {
    return records;
  }

  long sizeBytes() {
    return sizeBytes;
  }

  Path path() {
    return path;
  }

  private FileChannel appendChannel() throws IOException {
    if (appendChannel == null) {
      appendChannel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
    return appendChannel;
  }

  private static boolean hasValidHeader(FileChannel channel, Path path) throws IOException {
    if (channel.size() < HEADER_BYTES) {
      return false;
    }
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    RecordFrame.readFully(channel, header, 0);
    header.flip();
    if (header.getInt() != MAGIC) {
      return false;
    }
    int version = header.getInt();
    if (version != FORMAT_VERSION) {
      // Written by another collector version: refuse rather than destroy records it can read.
      throw new IOException(
          path
              + " has spool format version "
              + version
              + "; this collector reads "
              + FORMAT_VERSION);
    }
    return true;
  }

  private static ByteBuffer header() {
    return ByteBuffer.allocate(HEADER_BYTES).putInt(MAGIC).putInt(FORMAT_VERSION).flip();
  }
}
