package io.aiops.collector.delivery;

import io.aiops.collector.delivery.spool.DiskSpool;
import io.aiops.collector.delivery.spool.SpoolRecovery;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.OomKillEvent;
import io.aiops.schemas.registry.SchemaRegistryClient;
import io.aiops.schemas.topic.TopicNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Write-ahead delivery: every sample and OOM event is appended to an on-disk spool on the caller's
 * thread (no network), and a sender thread replays the spool to Kafka in order, so that a broker
 * outage, a collector restart during one, or both, lose nothing and reorder nothing per host.
 *
 * <p><b>What "exactly once" means here.</b> A record's position in the spool is acknowledged only
 * after the broker acknowledged it and everything before it, and the producer is idempotent with at
 * most five requests in flight and no delivery timeout, so it retries a stalled send in order for
 * as long as it lives. Across outages and graceful restarts every record is therefore written to
 * the topic exactly once, in spool order, which keeps each host's records (keyed by host_id) in
 * order. Three edges are at-least-once: a crash (or power loss) between the broker's
 * acknowledgement and the next write of the position file resends up to about a second of
 * acknowledged records; a close that times out while a live broker is still acknowledging resends
 * what was then in flight; and a fatal producer error resends what that producer had in flight.
 * When the spool is full, the oldest records are dropped and counted ({@link
 * DeliveryStats#dropped}).
 */
public final class SpooledDelivery implements CollectorDelivery {
  private static final Logger LOG = LoggerFactory.getLogger(SpooledDelivery.class);
  static final String CLIENT_ID = "aiops-edge-collector";

  /**
   * How long the producer may wait for topic metadata on the sender thread; bounds close too.
   * Package-visible so tests can tell such a wait apart.
   */
  static final int MAX_BLOCK_MS = 5_000;

  private final SpoolSettings settings;
  private final DiskSpool spool;
  private final SpoolEntryCodec codec;
  private final AvroBinary avro = new AvroBinary();
  private final long sampleFingerprint;
  private final long oomEventFingerprint;
  private final SpoolSender sender;
  private final Thread senderThread;
  private final LongAdder spooled = new LongAdder();
  private final LongAdder notSpooled = new LongAdder();
  private final AtomicBoolean appendsFailing = new AtomicBoolean();
  private volatile boolean closed;

  private SpooledDelivery(
      SpoolSettings settings,
      DiskSpool spool,
      SpoolSchemas schemas,
      ProducerSettings producer,
      SchemaRegistryClient registry)
      throws IOException {
    this.settings = settings;
    this.spool = spool;
    this.codec = new SpoolEntryCodec(settings.compress());
    this.sampleFingerprint = schemas.remember(HostMemorySample.getClassSchema());
    this.oomEventFingerprint = schemas.remember(OomKillEvent.getClassSchema());
    this.sender =
        new SpoolSender(
            spool,
            new WireRecords(
                new SpoolEntryCodec(settings.compress()), schemas, new RegistryIds(registry)),
            () -> newProducer(producer),
            settings);
    this.senderThread = new Thread(sender, "aiops-spool-sender");
    senderThread.setDaemon(true);
  }

  /**
   * Opens (or creates) the spool in {@code settings.directory()} and starts sending what it holds;
   * returns at once, whether the broker is up or not.
   *
   * @throws UncheckedIOException when the spool directory cannot be opened
   * @throws IllegalStateException when another collector holds the directory
   */
  public static SpooledDelivery open(
      SpoolSettings settings, ProducerSettings producer, SchemaRegistryClient registry) {
    // The sender builds its producer later, on its own thread; a setting Kafka rejects (an unknown
    // security.protocol, an unreadable keystore) must fail the start instead, where a person sees
    // it. Building a producer reads and checks all of it without touching the network.
    newProducer(producer).close(Duration.ZERO);
    DiskSpool spool;
    try {
      spool = DiskSpool.open(settings.directory(), settings.limits(), settings.fsync());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the spool in " + settings.directory() + ": " + e.getMessage(), e);
    }
    try {
      SpooledDelivery delivery =
          new SpooledDelivery(
              settings, spool, new SpoolSchemas(settings.directory()), producer, registry);
      logRecovery(settings, spool.recovery());
      delivery.senderThread.start();
      return delivery;
    } catch (IOException e) {
      closeQuietly(spool);
      throw new UncheckedIOException(
          "cannot prepare the spool in " + settings.directory() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(spool);
      throw e;
    }
  }

  @Override
  public void publish(HostMemorySample sample) {
    append(
        TopicNames.SAMPLES, sample.getHostId(), sample.getTimestampMs(), sampleFingerprint, sample);
  }

  @Override
  public void publish(OomKillEvent event) {
    append(
        TopicNames.OOM_EVENTS,
        event.getHostId(),
        event.getTimestampMs(),
        oomEventFingerprint,
        event);
  }

  @Override
  public DeliveryStats stats() {
    long dropped =
        spool.droppedRecords() + spool.lostRecords() + sender.rejected() + notSpooled.sum();
    return new DeliveryStats(
        sender.sent(), spooled.sum(), dropped, spool.pendingRecords(), spool.sizeBytes());
  }

  /**
   * Waits up to the close timeout for the broker to acknowledge what is spooled (not at all when it
   * is known to be down), then releases the producer and the spool; the rest is sent after the next
   * start.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    sender.stop(settings.closeTimeout());
    try {
      // A send blocked on metadata ends within max.block.ms.
      if (!sender.awaitStopped(settings.closeTimeout().plusMillis(MAX_BLOCK_MS + 1_000))) {
        LOG.warn("Spool sender did not stop in time; closing the spool under it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long pending = spool.pendingRecords();
    closeQuietly(spool);
    if (pending > 0) {
      LOG.info("{} records stay in the spool {} for the next start", pending, spool.directory());
    }
  }

  private void append(
      String topic, String key, long timestampMs, long fingerprint, SpecificRecord record) {
    if (closed) {
      notSpooled.increment();
      LOG.debug("delivery closed: {} record of {} not spooled", topic, key);
      return;
    }
    try {
      byte[] payload =
          codec.encode(new SpoolEntry(topic, key, timestampMs, fingerprint, avro.encode(record)));
      spool.append(payload);
      spooled.increment();
      if (appendsFailing.compareAndSet(true, false)) {
        LOG.info("Spool {} takes records again", spool.directory());
      }
      sender.signal();
    } catch (IOException | RuntimeException e) {
      notSpooled.increment();
      if (appendsFailing.compareAndSet(false, true)) {
        LOG.error(
            "Cannot spool to {} ({}); records are dropped and counted until it works again",
            spool.directory(),
            e.toString());
      }
    }
  }

  private static Producer<byte[], byte[]> newProducer(ProducerSettings settings) {
    Map<String, Object> config = settings.toProducerConfig(CLIENT_ID);
    // What order and no-loss rest on; set after the pass-through settings, which cannot weaken it.
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static void logRecovery(SpoolSettings settings, SpoolRecovery recovery) {
    if (recovery.pendingRecords() > 0) {
      LOG.info(
          "Spool {} holds {} records from the last run; sending them first",
          settings.directory(),
          recovery.pendingRecords());
    }
    if (recovery.lostRecords() > 0) {
      LOG.warn(
          "Spool {}: {} records were torn by a crash or damaged and are dropped ({} bytes cut)",
          settings.directory(),
          recovery.lostRecords(),
          recovery.truncatedBytes());
    }
  }

  private static void closeQuietly(DiskSpool spool) {
    try {
      spool.close();
    } catch (IOException e) {
      LOG.warn("cannot close the spool {} cleanly: {}", spool.directory(), e.toString());
    }
  }
}
