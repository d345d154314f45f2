package io.aiops.collector.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The schemas that spooled values were written with, by fingerprint, kept as {@code .avsc} files in
 * the spool's {@code schemas/} folder: a collector upgraded during an outage must still send the
 * records its predecessor spooled under the schema they were written with.
 */
final class SpoolSchemas {
  static final String FOLDER = "schemas";

  private final Path folder;
  private final Map<Long, Schema> byFingerprint = new ConcurrentHashMap<>();

  SpoolSchemas(Path spoolDirectory) {
    this.folder = spoolDirectory.resolve(FOLDER);
  }

  /** Keeps {@code schema} (on disk once) and returns its fingerprint. */
  long remember(Schema schema) throws IOException {
    long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
    byFingerprint.put(fingerprint, schema);
    Path file = fileFor(fingerprint);
    if (!Files.exists(file)) {
      Files.createDirectories(folder);
      Path temporary = folder.resolve(file.getFileName() + ".tmp");
      Files.writeString(temporary, schema.toString(true), StandardCharsets.UTF_8);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    return fingerprint;
  }

  /**
   * The schema with this fingerprint.
   *
   * @throws IllegalArgumentException when the spool holds no such schema
   */
  Schema schema(long fingerprint) throws IOException {
    Schema known = byFingerprint.get(fingerprint);
    if (known != null) {
      return known;
    }
    try {
      Schema loaded = new Schema.Parser().parse(Files.readString(fileFor(fingerprint)));
      byFingerprint.put(fingerprint, loaded);
      return loaded;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(
          "no schema with fingerprint " + Long.toHexString(fingerprint) + " in " + folder, e);
    }
  }

  private Path fileFor(long fingerprint) {
    return folder.resolve(String.format("%016x.avsc", fingerprint));
  }
}
