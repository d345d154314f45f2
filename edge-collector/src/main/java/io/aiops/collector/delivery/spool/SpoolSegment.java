package io.aiops.collector.delivery.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One append-only file of the spool: an 8-byte header (magic, format version), then frames of
 * {@code [payload length: int][CRC32 of payload: int][payload]}. The file name is the sequence
 * number of its first record, so a record's sequence is that number plus its index in the file.
 */
final class SpoolSegment {
  static final String SUFFIX = ".seg";
  static final int HEADER_BYTES = 8;
  static final int FRAME_HEADER_BYTES = 8;
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

  /** One frame read back: its payload, or null when the frame is torn or fails its CRC. */
  record Frame(byte[] payload, long nextOffset) {
    boolean valid() {
      return payload != null;
    }
  }

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
      writeFully(channel, header(), 0);
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
        writeFully(channel, header(), 0);
        return new Scan(new SpoolSegment(path, baseSequence, 0, HEADER_BYTES), fileBytes);
      }
      long offset = HEADER_BYTES;
      int records = 0;
      while (offset < fileBytes) {
        Frame frame = readFrame(channel, offset, fileBytes);
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
    ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER_BYTES + payload.length);
    frame.putInt(payload.length).putInt(crc(payload)).put(payload).flip();
    try {
      writeFully(channel, frame, sizeBytes);
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
        Frame frame = readFrame(channel, offset, sizeBytes);
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
      ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
      for (long i = 0; i < skip && offset < sizeBytes; i++) {
        length.clear();
        readFully(channel, length, offset);
        offset += FRAME_HEADER_BYTES + Integer.toUnsignedLong(length.flip().getInt());
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

  private static Frame readFrame(FileChannel channel, long offset, long end) throws IOException {
    if (end - offset < FRAME_HEADER_BYTES) {
      return new Frame(null, offset);
    }
    ByteBuffer head = ByteBuffer.allocate(FRAME_HEADER_BYTES);
    readFully(channel, head, offset);
    head.flip();
    long length = Integer.toUnsignedLong(head.getInt());
    int expectedCrc = head.getInt();
    long payloadStart = offset + FRAME_HEADER_BYTES;
    // A length running past the end is a frame the crash cut short (or garbage).
    if (length > end - payloadStart) {
      return new Frame(null, offset);
    }
    ByteBuffer payload = ByteBuffer.allocate((int) length);
    readFully(channel, payload, payloadStart);
    byte[] bytes = payload.array();
    if (crc(bytes) != expectedCrc) {
      return new Frame(null, offset);
    }
    return new Frame(bytes, payloadStart + length);
  }

  private static boolean hasValidHeader(FileChannel channel, Path path) throws IOException {
    if (channel.size() < HEADER_BYTES) {
      return false;
    }
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    readFully(channel, header, 0);
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

  private static int crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new IOException("unexpected end of " + channel + " at " + at);
      }
      at += read;
    }
  }
}
