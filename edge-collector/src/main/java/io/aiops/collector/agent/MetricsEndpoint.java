package io.aiops.collector.agent;

/** Where the agent serves its self-metrics; port 0 picks a free one (tests). */
public record MetricsEndpoint(String address, int port) {}
