package io.aiops.collector.delivery.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32;

/**
 * One record as a segment stores it: {@code [payload length: int][CRC32 of payload: int][payload]}.
 * The length and the checksum are what tell a whole record from one a crash cut short.
 */
final class RecordFrame {
  static final int HEADER_BYTES = 8;

  private RecordFrame() {}

  /** A frame read back: its payload, or null when it is torn or fails its checksum. */
  record Read(byte[] payload, long nextOffset) {
    boolean valid() {
      return payload != null;
    }
  }

  static ByteBuffer of(byte[] payload) {
    ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payload.length);
    return frame.putInt(payload.length).putInt(crc(payload)).put(payload).flip();
  }

  /** The frame at {@code offset}, checked against the bytes that exist before {@code end}. */
  static Read read(FileChannel channel, long offset, long end) throws IOException {
    if (end - offset < HEADER_BYTES) {
      return new Read(null, offset);
    }
    ByteBuffer head = ByteBuffer.allocate(HEADER_BYTES);
    readFully(channel, head, offset);
    head.flip();
    long length = Integer.toUnsignedLong(head.getInt());
    int expectedCrc = head.getInt();
    long payloadStart = offset + HEADER_BYTES;
    // A length running past the end is a frame the crash cut short (or garbage).
    if (length > end - payloadStart) {
      return new Read(null, offset);
    }
    ByteBuffer payload = ByteBuffer.allocate((int) length);
    readFully(channel, payload, payloadStart);
    byte[] bytes = payload.array();
    if (crc(bytes) != expectedCrc) {
      return new Read(null, offset);
    }
    return new Read(bytes, payloadStart + length);
  }

  /** The payload length in the frame at {@code offset}, without reading the payload. */
  static long payloadLength(FileChannel channel, long offset) throws IOException {
    ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
    readFully(channel, length, offset);
    return Integer.toUnsignedLong(length.flip().getInt());
  }

  static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new IOException("unexpected end of file at " + at);
      }
      at += read;
    }
  }

  private static int crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }
}
