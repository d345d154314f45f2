package io.aiops.infra.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's state: global ids, subjects and their versions. Rebuilt from `_schemas` at start;
 * each new registration is written there before it becomes visible.
 */
final class SchemaStore {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaStore.class);

  /** One version of one subject, as the REST API reports it. */
  record Registered(String subject, int version, int id, String schema) {}

  private final SchemaLog log;
  private final Map<Integer, String> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<String, NavigableMap<Integer, Integer>> idsBySubjectVersion = new TreeMap<>();
  private int lastId;

  SchemaStore(SchemaLog log) {
    this.log = log;
  }

  /**
   * The form that decides whether two schemas are the same: Avro's own rendering of the parsed
   * schema, so whitespace and attribute order do not matter but names, defaults and docs do.
   */
  static String canonical(String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw RegistryError.invalidSchema("empty schema");
    }
    try {
      return new Schema.Parser().parse(schemaText).toString();
    } catch (RuntimeException e) {
      throw RegistryError.invalidSchema(String.valueOf(e.getMessage()));
    }
  }

  /** Applies one record of `_schemas` (at start, in log order). */
  synchronized void apply(SchemaRecord record) {
    String schema;
    try {
      schema = canonical(record.schema());
    } catch (RegistryError e) {
      LOG.warn("Skipping unparsable schema id {} in `_schemas`: {}", record.id(), e.getMessage());
      return;
    }
    schemasById.putIfAbsent(record.id(), schema);
    idsBySchema.putIfAbsent(schema, record.id());
    lastId = Math.max(lastId, record.id());
    NavigableMap<Integer, Integer> versions =
        idsBySubjectVersion.computeIfAbsent(record.subject(), s -> new TreeMap<>());
    if (record.deleted()) {
      versions.remove(record.version());
    } else {
      versions.put(record.version(), record.id());
    }
  }

  /**
   * Registers the schema under the subject and returns its global id: the existing one when the
   * subject already has it, the id of the identical schema under another subject, else a new one.
   */
  synchronized int register(String subject, String schemaText) {
    String schema = canonical(schemaText);
    Optional<Registered> existing = lookup(subject, schema);
    if (existing.isPresent()) {
      return existing.get().id();
    }
    int id = idsBySchema.getOrDefault(schema, lastId + 1);
    NavigableMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
    int version = versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    SchemaRecord record = new SchemaRecord(subject, version, id, schema, false);
    log.append(record);
    apply(record);
    return id;
  }

  /** The version of the subject holding this schema. */
  synchronized Registered lookupOrFail(String subject, String schemaText) {
    String schema = canonical(schemaText);
    if (!idsBySubjectVersion.containsKey(subject)) {
      throw RegistryError.subjectNotFound(subject);
    }
    return lookup(subject, schema).orElseThrow(RegistryError::schemaNotFound);
  }

  synchronized String schemaById(int id) {
    String schema = schemasById.get(id);
    if (schema == null) {
      throw RegistryError.schemaNotFound();
    }
    return schema;
  }

  synchronized List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    idsBySubjectVersion.forEach(
        (subject, versions) -> {
          if (!versions.isEmpty()) {
            subjects.add(subject);
          }
        });
    return subjects;
  }

  synchronized List<Integer> versions(String subject) {
    return List.copyOf(versionsOf(subject).keySet());
  }

  /** {@code version} is a positive number or {@code latest}. */
  synchronized Registered version(String subject, String version) {
    NavigableMap<Integer, Integer> versions = versionsOf(subject);
    int number;
    if ("latest".equals(version)) {
      number = versions.lastKey();
    } else {
      try {
        number = Integer.parseInt(version);
      } catch (NumberFormatException e) {
        number = 0;
      }
      if (number <= 0) {
        throw new RegistryError(
            RegistryError.INVALID_VERSION,
            "The specified version '"
                + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the"
                + " string \"latest\"");
      }
    }
    Integer id = versions.get(number);
    if (id == null) {
      throw RegistryError.versionNotFound(subject, version);
    }
    return new Registered(subject, number, id, schemasById.get(id));
  }

  private NavigableMap<Integer, Integer> versionsOf(String subject) {
    NavigableMap<Integer, Integer> versions = idsBySubjectVersion.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw RegistryError.subjectNotFound(subject);
    }
    return versions;
  }

  private Optional<Registered> lookup(String subject, String schema) {
    NavigableMap<Integer, Integer> versions =
        idsBySubjectVersion.getOrDefault(subject, new TreeMap<>());
    for (Map.Entry<Integer, Integer> version : versions.entrySet()) {
      if (schema.equals(schemasById.get(version.getValue()))) {
        return Optional.of(new Registered(subject, version.getKey(), version.getValue(), schema));
      }
    }
    return Optional.empty();
  }
}
