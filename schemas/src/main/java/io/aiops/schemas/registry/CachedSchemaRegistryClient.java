package io.aiops.schemas.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Caches both directions in memory: a schema is registered once per subject and an id fetched once,
 * so the registry is off the per-record path.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {
  private record SubjectSchema(String subject, Schema schema) {}

  private final SchemaRegistryClient delegate;
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  public CachedSchemaRegistryClient(SchemaRegistryClient delegate) {
    this.delegate = delegate;
  }

  /** A cached REST client for one registry URL. */
  public static SchemaRegistryClient forUrl(String baseUrl) {
    return new CachedSchemaRegistryClient(new RestSchemaRegistryClient(baseUrl));
  }

  @Override
  public int register(String subject, Schema schema) {
    int id =
        idsBySubjectSchema.computeIfAbsent(
            new SubjectSchema(subject, schema), key -> delegate.register(subject, schema));
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public Schema schemaById(int id) {
    return schemasById.computeIfAbsent(id, delegate::schemaById);
  }
}
