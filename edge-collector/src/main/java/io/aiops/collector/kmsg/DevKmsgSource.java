package io.aiops.collector.kmsg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The kernel's ring buffer through /dev/kmsg: one record per read(), each with its sequence number
 * and monotonic microseconds, which the clock turns into wall-clock time. A dump ends when no
 * record has come for the quiet gap, since the device never reports an end (Java cannot open it
 * O_NONBLOCK); a follower blocks on the device until closed. The path may be a regular file or a
 * FIFO holding records, which end where the file does.
 */
public final class DevKmsgSource implements KernelLogSource {
  public static final Path DEVICE = Path.of("/dev/kmsg");
  // A record is at most ~1 KiB of text plus its dictionary; a smaller buffer makes read() EINVAL.
  private static final int RECORD_BUFFER_BYTES = 16 * 1024;

  private final Path path;
  private final KernelClock clock;
  private final boolean follow;
  private final Duration quietGap;
  private volatile FileChannel channel;
  private volatile boolean closed;

  private DevKmsgSource(Path path, KernelClock clock, boolean follow, Duration quietGap) {
    this.path = path;
    this.clock = clock;
    this.follow = follow;
    this.quietGap = quietGap;
  }

  /** Reads the records in the buffer now, then ends after {@code quietGap} without a new one. */
  public static DevKmsgSource dump(Path path, KernelClock clock, Duration quietGap) {
    return new DevKmsgSource(path, clock, false, quietGap);
  }

  /** Reads the records in the buffer, then waits for new ones until closed. */
  public static DevKmsgSource follow(Path path, KernelClock clock) {
    return new DevKmsgSource(path, clock, true, Duration.ZERO);
  }

  @Override
  public String description() {
    return path.toString();
  }

  @Override
  public void read(Consumer<KernelLogLine> sink) throws IOException {
    channel = open(path);
    if (closed) {
      channel.close();
      return;
    }
    KernelLogReader reader = new KernelLogReader(clock);
    Consumer<String> lines = raw -> reader.read(raw).forEach(sink);
    try {
      if (follow) {
        readRecords(lines);
      } else {
        readUntilQuiet(lines);
      }
    } finally {
      channel.close();
    }
  }

  private void readUntilQuiet(Consumer<String> sink) throws IOException {
    // Optional.empty() marks the end of the records (end of file, or a failure).
    BlockingQueue<Optional<String>> queue = new LinkedBlockingQueue<>();
    IOException[] failure = new IOException[1];
    Thread reader =
        new Thread(
            () -> {
              try {
                readRecords(line -> queue.add(Optional.of(line)));
              } catch (IOException e) {
                failure[0] = e;
              } finally {
                queue.add(Optional.empty());
              }
            },
            "kmsg-dump");
    reader.setDaemon(true);
    reader.start();
    try {
      while (true) {
        Optional<String> line = queue.poll(quietGap.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || line.isEmpty()) {
          break;
        }
        sink.accept(line.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      channel.close();
      joinQuietly(reader);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  private void readRecords(Consumer<String> sink) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(RECORD_BUFFER_BYTES);
    StringBuilder partial = new StringBuilder();
    while (!closed) {
      buffer.clear();
      int n;
      try {
        n = channel.read(buffer);
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (isOverrun(e)) {
          continue; // EPIPE: records were overwritten before we read them; go on with the next.
        }
        throw e;
      }
      if (n < 0) {
        break;
      }
      partial.append(new String(buffer.array(), 0, n, StandardCharsets.UTF_8));
      int newline;
      while ((newline = partial.indexOf("\n")) >= 0) {
        sink.accept(partial.substring(0, newline));
        partial.delete(0, newline + 1);
      }
    }
    if (!partial.isEmpty()) {
      sink.accept(partial.toString());
    }
  }

  @Override
  public void close() {
    closed = true;
    FileChannel open = channel;
    if (open != null) {
      try {
        open.close(); // wakes a read() blocked on the device
      } catch (IOException e) {
        // closing only to wake the reader
      }
    }
  }

  static FileChannel open(Path path) throws KernelLogUnavailableException {
    try {
      return FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new KernelLogUnavailableException(path + ": does not exist");
    } catch (AccessDeniedException e) {
      throw new KernelLogUnavailableException(path + ": permission denied" + restrictHint());
    } catch (FileSystemException e) {
      String reason = e.getReason() == null ? "cannot open" : e.getReason();
      String hint = reason.contains("not permitted") ? restrictHint() : "";
      throw new KernelLogUnavailableException(path + ": " + reason + hint);
    } catch (IOException e) {
      throw new KernelLogUnavailableException(path + ": " + e.getMessage());
    }
  }

  /** What dmesg_restrict means for whoever reads this message. */
  static String restrictHint() {
    String restrict = "?";
    try {
      restrict = Files.readString(Path.of("/proc/sys/kernel/dmesg_restrict")).trim();
    } catch (IOException e) {
      // unknown: say what the setting would mean anyway
    }
    return " (kernel.dmesg_restrict="
        + restrict
        + ": reading the kernel log needs root or CAP_SYSLOG; or use sudo)";
  }

  private static boolean isOverrun(IOException e) {
    return e.getMessage() != null && e.getMessage().contains("Broken pipe");
  }

  private static void joinQuietly(Thread thread) {
    try {
      thread.join(TimeUnit.SECONDS.toMillis(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
