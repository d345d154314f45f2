package io.aiops.collector.delivery;

/**
 * One record as the spool keeps it: where it goes and its value as plain Avro binary. The registry
 * id is not in it: a collector restarted during an outage cannot reach the registry, which lives on
 * the broker, so the id is looked up when the record is sent.
 *
 * @param schemaFingerprint the Avro parsing fingerprint of the schema the value was written with
 */
record SpoolEntry(
    String topic, String key, long timestampMs, long schemaFingerprint, byte[] avroValue) {}
