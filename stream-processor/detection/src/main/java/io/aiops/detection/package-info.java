/**
 * Memory-leak and OOM-ETA detectors: plain Java in, plain Java out, shared by the Kafka Streams
 * topology, the Flink job and the offline {@code aiops detect} command so that all three agree.
 */
package io.aiops.detection;
