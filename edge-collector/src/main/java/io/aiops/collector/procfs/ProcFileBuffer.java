package io.aiops.collector.procfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads small /proc and cgroup files whole into one reused byte array. The collector reads the stat
 * of every process each sample (~300 files on a busy host, and as many again of others), so the
 * array is kept rather than allocated per file. Not thread-safe: one per reading thread.
 */
public final class ProcFileBuffer {
  private static final int INITIAL_BYTES = 8192;

  private byte[] bytes = new byte[INITIAL_BYTES];
  private ByteBuffer view = ByteBuffer.wrap(bytes);
  private int length;

  /** Reads the whole file and returns its length in bytes. */
  public int read(Path file) throws IOException {
    return read(file, Integer.MAX_VALUE);
  }

  /**
   * Reads at most {@code maxBytes} from the start of the file. /proc files report size 0 and are
   * generated as they are read, so they are read to end of file rather than sized first.
   */
  public int read(Path file, int maxBytes) throws IOException {
    length = 0;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      while (length < maxBytes) {
        if (length == bytes.length) {
          grow();
        }
        view.limit(Math.min(bytes.length, maxBytes)).position(length);
        int read = channel.read(view);
        if (read < 0) {
          break;
        }
        length += read;
      }
    }
    return length;
  }

  public byte[] bytes() {
    return bytes;
  }

  public int length() {
    return length;
  }

  /** The bytes read last, decoded as UTF-8 (paths and command lines may hold any bytes). */
  public String text() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  private void grow() {
    byte[] larger = new byte[bytes.length * 2];
    System.arraycopy(bytes, 0, larger, 0, length);
    bytes = larger;
    view = ByteBuffer.wrap(bytes);
  }
}
