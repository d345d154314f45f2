package io.aiops.cli.up;

import io.aiops.collector.delivery.ProducerSettings;
import io.aiops.collector.delivery.SamplePublisher;
import io.aiops.collector.delivery.SamplingLoop;
import io.aiops.collector.host.HostPaths;
import io.aiops.collector.host.HostSampler;
import io.aiops.collector.host.ProcessSelection;
import io.aiops.collector.procfs.ReadErrors;
import io.aiops.collector.simulate.SimulatedFleet;
import io.aiops.collector.simulate.SimulationClock;
import io.aiops.infra.stack.LocalStack;
import io.aiops.infra.stack.LocalStackSettings;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.MemoryAnomaly;
import io.aiops.schemas.registry.CachedSchemaRegistryClient;
import io.aiops.schemas.registry.SchemaRegistryClient;
import io.aiops.schemas.topic.MemoryTopics;
import io.aiops.sinks.http.QueryApiServer;
import io.aiops.sinks.router.AnomalySink;
import io.aiops.sinks.router.TrendSink;
import io.aiops.sinks.store.QueryStore;
import io.aiops.streams.app.StreamProcessor;
import io.aiops.streams.app.StreamsSettings;
import io.aiops.streams.topology.DetectionSettings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The whole product in one JVM: embedded broker and registry, stream processor, the anomaly and
 * trend sinks with the query store and its HTTP API, this machine's collector and an optional
 * simulated fleet. Parts start in data-flow order and close in reverse.
 */
public final class LocalPipeline implements AutoCloseable {
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private LocalStack stack;
  private QueryApiServer api;
  private SamplePublisher fleetPublisher;
  private SamplePublisher localPublisher;
  private SimulatedFleet fleet;
  private SimulationClock clock;
  private final AtomicLong trendPoints = new AtomicLong();

  private LocalPipeline() {}

  public static LocalPipeline start(UpSettings settings, Consumer<MemoryAnomaly> onAnomaly)
      throws InterruptedException {
    LocalPipeline pipeline = new LocalPipeline();
    try {
      pipeline.startAll(settings, onAnomaly);
      return pipeline;
    } catch (RuntimeException | InterruptedException e) {
      pipeline.close();
      throw e;
    }
  }

  private void startAll(UpSettings settings, Consumer<MemoryAnomaly> onAnomaly)
      throws InterruptedException {
    PortCheck.requireFree("--kafka-port", settings.kafkaPort());
    PortCheck.requireFree("--controller-port", settings.controllerPort());
    PortCheck.requireFree("--registry-port", settings.registryPort());
    PortCheck.requireFree("--api-port", settings.apiPort());
    stack =
        LocalStack.start(
            new LocalStackSettings(
                settings.dataDir(),
                settings.kafkaPort(),
                settings.controllerPort(),
                settings.registryPort()));
    started.push(stack);
    String bootstrap = stack.bootstrapServers();
    SchemaRegistryClient registry = CachedSchemaRegistryClient.forUrl(stack.schemaRegistryUrl());
    MemoryTopics topics = MemoryTopics.using(registry);

    QueryStore store =
        QueryStore.open(settings.dataDir().resolve("query-store"), settings.trendRetention());
    started.push(store);
    api = new QueryApiServer(store, "localhost", settings.apiPort());
    api.start();
    started.push(api);
    AnomalySink sink =
        new AnomalySink(bootstrap, registry, "aiops-sinks", store.anomalies(), onAnomaly);
    sink.start();
    started.push(sink);
    TrendSink trends =
        new TrendSink(
            bootstrap,
            registry,
            "aiops-trend-store",
            store.trends(),
            trend -> trendPoints.incrementAndGet());
    trends.start();
    started.push(trends);

    StreamProcessor processor =
        new StreamProcessor(
            topics,
            DetectionSettings.defaults(),
            StreamsSettings.of(bootstrap, settings.dataDir().resolve("streams")));
    processor.start();
    started.push(processor);
    if (!processor.awaitRunning(Duration.ofSeconds(60))) {
      throw new IllegalStateException(
          "stream processor did not reach RUNNING within 60 s (state " + processor.state() + ")");
    }

    if (settings.localInterval() != null) {
      HostSampler sampler =
          new HostSampler(HostPaths.live(), ProcessSelection.defaults(), new ReadErrors());
      localPublisher =
          startSampling(
              "collector-local",
              settings.localInterval(),
              () -> List.of(sampler.sample(System.currentTimeMillis())),
              bootstrap,
              topics);
    }
    if (settings.simulatedHosts() > 0) {
      clock = new SimulationClock(System.currentTimeMillis(), settings.simulatedStep());
      fleet = SimulatedFleet.create(settings.simulatedHosts(), settings.seed(), clock.startMs());
      fleetPublisher =
          startSampling(
              "collector-simulated-fleet",
              SimulationClock.wallInterval(settings.simulatedStep(), settings.timeScale()),
              () -> fleet.sampleAll(clock.tick()),
              bootstrap,
              topics);
    }
  }

  /** A publisher and the loop feeding it, closed loop first so its last round is flushed. */
  private SamplePublisher startSampling(
      String name,
      Duration interval,
      Supplier<List<HostMemorySample>> source,
      String bootstrap,
      MemoryTopics topics) {
    SamplePublisher publisher =
        new SamplePublisher(ProducerSettings.of(bootstrap), topics.samples(), name);
    started.push(publisher);
    SamplingLoop loop = new SamplingLoop(name, interval, source, publisher);
    loop.start();
    started.push(loop);
    return publisher;
  }

  public String bootstrapServers() {
    return stack.bootstrapServers();
  }

  public String schemaRegistryUrl() {
    return stack.schemaRegistryUrl();
  }

  public String queryApiUrl() {
    return api.url();
  }

  /** The simulated fleet, or null when none runs. */
  public SimulatedFleet fleet() {
    return fleet;
  }

  /** Simulated time of the fleet's first sample, or -1 without a fleet. */
  public long simulationStartMs() {
    return clock == null ? -1 : clock.startMs();
  }

  /** Simulated time of the latest fleet sample, or -1 without a fleet. */
  public long simulatedNowMs() {
    return clock == null ? -1 : clock.nowMs();
  }

  /** Trend points the trend sink has stored since the start. */
  public long trendPointsStored() {
    return trendPoints.get();
  }

  public long samplesSent() {
    return (fleetPublisher == null ? 0 : fleetPublisher.sent())
        + (localPublisher == null ? 0 : localPublisher.sent());
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("aiops: while stopping: " + e.getMessage());
      }
    }
  }
}
