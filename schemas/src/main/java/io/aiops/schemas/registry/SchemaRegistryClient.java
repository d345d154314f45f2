package io.aiops.schemas.registry;

import org.apache.avro.Schema;

/**
 * The part of a Confluent-compatible schema registry the serde needs: register a schema under a
 * subject, and resolve an id back to its schema. Implemented over REST so that Confluent Schema
 * Registry, Apicurio (ccompat API) and Karapace all work.
 */
public interface SchemaRegistryClient {

  /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
  int register(String subject, Schema schema);

  /** The schema with this global id. */
  Schema schemaById(int id);
}
