package io.aiops.streams.topology;

import io.aiops.schemas.registry.SchemaRegistryClient;
import io.aiops.schemas.registry.SchemaRegistryException;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * A registry in memory for TopologyTestDriver tests, which run without a broker; the *IT tests use
 * the real embedded registry endpoint.
 */
final class InMemorySchemaRegistry implements SchemaRegistryClient {
  private final Map<Schema, Integer> ids = new HashMap<>();
  private final Map<Integer, Schema> schemas = new HashMap<>();

  @Override
  public synchronized int register(String subject, Schema schema) {
    return ids.computeIfAbsent(
        schema,
        s -> {
          int id = ids.size() + 1;
          schemas.put(id, s);
          return id;
        });
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemas.get(id);
    if (schema == null) {
      throw new SchemaRegistryException("no schema " + id);
    }
    return schema;
  }
}
