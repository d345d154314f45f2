package io.aiops.collector.delivery.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * The small text file holding the sequence of the first unacknowledged record, replaced whole by a
 * rename so that a crash leaves either the old or the new value.
 *
 * <p>It is not forced to the device: after a power loss an old or empty value only makes the spool
 * resend records the broker already has (the oldest remaining segment at most), never skip one.
 */
final class AcknowledgedPosition {
  static final String FILE_NAME = "acknowledged";

  private final Path file;
  private final Path temporary;

  AcknowledgedPosition(Path directory) {
    this.file = directory.resolve(FILE_NAME);
    this.temporary = directory.resolve(FILE_NAME + ".tmp");
  }

  /** The stored sequence, or empty when there is none yet or it cannot be read. */
  OptionalLong read() throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).trim();
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    }
    try {
      long sequence = Long.parseLong(text);
      return sequence < 0 ? OptionalLong.empty() : OptionalLong.of(sequence);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  void write(long sequence) throws IOException {
    Files.writeString(temporary, sequence + "\n", StandardCharsets.US_ASCII);
    Files.move(
        temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
