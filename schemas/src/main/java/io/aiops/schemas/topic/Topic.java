package io.aiops.schemas.topic;

import org.apache.kafka.common.serialization.Serde;

/** A Kafka topic with the serdes of its key and value, defined once and passed around. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {}
