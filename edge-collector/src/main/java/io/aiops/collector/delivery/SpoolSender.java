package io.aiops.collector.delivery;

import io.aiops.collector.delivery.InFlightWindow.Settled;
import io.aiops.collector.delivery.InFlightWindow.Slot;
import io.aiops.collector.delivery.spool.DiskSpool;
import io.aiops.collector.delivery.spool.SpooledRecord;
import io.aiops.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop that empties the spool into Kafka, in order, on its own thread: reads records from the
 * first unsent one, sends a bounded window of them, and advances the spool's acknowledged position
 * over the prefix the broker acknowledged.
 *
 * <p>The producer retries a stalled send by itself, in order, for as long as it lives. Only a
 * failure that retrying cannot mend (no registry, no metadata, a fatal producer error) brings this
 * loop in: it pauses with an exponential backoff, and after a producer error also replaces the
 * producer and resends from the first unacknowledged record.
 */
final class SpoolSender implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SpooledDelivery.class);
  // The producer never gives up on a record; this long without an acknowledgement is what an
  // operator calls an outage.
  private static final long STALL_NANOS = TimeUnit.SECONDS.toNanos(10);
  // Wakes now and then even without news, to notice a stall or the end of a pause.
  private static final long IDLE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final DiskSpool spool;
  private final WireRecords wire;
  private final Supplier<Producer<byte[], byte[]>> producers;
  private final InFlightWindow window;
  private final Backoff backoff;
  private final OutageLog outage;
  private final LongAdder sent = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final CountDownLatch loopEnded = new CountDownLatch(1);
  private boolean signalled;
  private volatile boolean stopping;
  private volatile long stopAtNanos;
  private volatile Thread loopThread;
  private Producer<byte[], byte[]> producer;
  private long nextToSend;
  private long pausedUntilNanos;

  SpoolSender(
      DiskSpool spool,
      WireRecords wire,
      Supplier<Producer<byte[], byte[]>> producers,
      SpoolSettings settings) {
    this.spool = spool;
    this.wire = wire;
    this.producers = producers;
    this.window = new InFlightWindow(settings.maxInFlightRecords(), settings.maxInFlightBytes());
    this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
    this.outage = new OutageLog(spool.directory().toString());
  }

  @Override
  public void run() {
    loopThread = Thread.currentThread();
    nextToSend = spool.firstUnacknowledged();
    pausedUntilNanos = System.nanoTime();
    try {
      while (!finished()) {
        try {
          step();
        } catch (IOException | RuntimeException e) {
          if (stopping) {
            break;
          }
          LOG.warn("Spool sender: {}; retrying", e.toString());
          pause();
        }
        awaitChange();
      }
    } finally {
      // The spool is released from here on; closing the producer can take a while (its I/O thread
      // may be waiting on a connection) and need not hold up close().
      loopEnded.countDown();
      closeProducer();
    }
  }

  /** Wakes the loop: records were appended. */
  void signal() {
    lock.lock();
    try {
      signalled = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Asks the loop to end once everything spooled is acknowledged, the broker is known to be down,
   * or {@code timeout} has passed, whichever comes first.
   */
  void stop(Duration timeout) {
    stopAtNanos = System.nanoTime() + timeout.toNanos();
    stopping = true;
    signal();
  }

  /** Waits up to {@code timeout} for the loop to stop using the spool; false if it did not. */
  boolean awaitStopped(Duration timeout) throws InterruptedException {
    return loopEnded.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  long sent() {
    return sent.sum();
  }

  long rejected() {
    return rejected.sum();
  }

  private void step() throws IOException {
    settle();
    Exception failure = window.failure();
    if (failure != null) {
      restart(failure);
      return;
    }
    if (System.nanoTime() - pausedUntilNanos >= 0) {
      fill();
    }
    if (window.isEmpty()) {
      spool.checkpoint();
    } else if (window.oldestWaitNanos() > STALL_NANOS) {
      outage.unreachable(
          "no acknowledgement for " + TimeUnit.NANOSECONDS.toSeconds(STALL_NANOS) + " s",
          spool.pendingRecords());
    }
  }

  private void settle() throws IOException {
    Settled settled = window.takeSettledPrefix();
    if (settled.isEmpty()) {
      return;
    }
    // Counted before the position moves, so that no one sees nothing pending and too few sent.
    sent.add(settled.delivered());
    rejected.add(settled.rejected());
    spool.acknowledge(settled.nextSequence());
    if (settled.delivered() > 0) {
      backoff.reset();
    }
    outage.delivered(settled.delivered() + settled.rejected(), spool.pendingRecords());
  }

  private void fill() throws IOException {
    if (producer == null) {
      try {
        producer = producers.get();
      } catch (KafkaException e) {
        // e.g. the bootstrap servers' names do not resolve yet at boot.
        unreachable("cannot create a producer: " + e.getMessage());
        return;
      }
    }
    while (window.hasRoom()) {
      List<SpooledRecord> batch = spool.read(nextToSend, window.roomRecords(), window.roomBytes());
      if (batch.isEmpty()) {
        return;
      }
      for (SpooledRecord record : batch) {
        if (!send(record)) {
          return;
        }
        nextToSend = record.sequence() + 1;
      }
    }
  }

  /** Hands one record to the producer; false when sending must pause before it. */
  private boolean send(SpooledRecord record) {
    ProducerRecord<byte[], byte[]> outgoing;
    try {
      outgoing = wire.toProducerRecord(record);
    } catch (IllegalArgumentException e) {
      LOG.error("Spooled record {} cannot be read and is skipped: {}", record.sequence(), e);
      window.add(record.sequence(), 0).reject(e);
      return true;
    } catch (SchemaRegistryException e) {
      // A refused connection comes without a message of its own: name its kind at least.
      unreachable(
          e.getMessage()
              + (e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")"));
      return false;
    }
    Slot slot = window.add(record.sequence(), outgoing.value().length);
    try {
      producer.send(outgoing, (metadata, error) -> settle(slot, error));
    } catch (KafkaException | IllegalStateException e) {
      slot.fail(e);
      return false;
    }
    return slot.refusal == null || refused(slot);
  }

  /**
   * The producer refused the record before taking it, e.g. no metadata for its topic within
   * max.block.ms: it was never sent and nothing after it is, so order is safe and what the producer
   * already holds keeps being retried. Returns whether sending may go on.
   */
  private boolean refused(Slot slot) {
    if (slot.refusal instanceof RecordTooLargeException) {
      reject(slot, slot.refusal);
      return true;
    }
    window.removeNewest(slot);
    unreachable(slot.refusal.getMessage());
    return false;
  }

  /** Called on the producer's I/O thread, or inside send() when the producer refuses a record. */
  private void settle(Slot slot, Exception error) {
    if (error != null && Thread.currentThread() == loopThread) {
      slot.refusal = error;
      return;
    }
    if (error == null) {
      slot.deliver();
    } else if (error instanceof RecordTooLargeException) {
      reject(slot, error);
    } else {
      slot.fail(error);
    }
    signal();
  }

  private static void reject(Slot slot, Exception error) {
    LOG.error(
        "Spooled record {} skipped: the broker refuses it: {}", slot.sequence, error.toString());
    slot.reject(error);
  }

  /**
   * A producer failure: what it had in flight may or may not have been written, so everything from
   * the first unacknowledged record is sent again by a new producer, after a pause.
   */
  private void restart(Exception failure) {
    unreachable("send failed: " + failure);
    closeProducer();
    window.clear();
    nextToSend = spool.firstUnacknowledged();
  }

  private void unreachable(String reason) {
    outage.unreachable(reason, spool.pendingRecords());
    pause();
  }

  private void pause() {
    pausedUntilNanos = System.nanoTime() + backoff.next().toNanos();
  }

  private boolean finished() {
    if (!stopping) {
      return false;
    }
    if (window.isEmpty() && spool.pendingRecords() == 0) {
      return true;
    }
    // In a known outage waiting cannot help: what is left stays spooled for the next start.
    return outage.down() || System.nanoTime() - stopAtNanos >= 0;
  }

  private void awaitChange() {
    long now = System.nanoTime();
    long waitNanos = IDLE_WAIT_NANOS;
    if (pausedUntilNanos - now > 0) {
      waitNanos = Math.min(waitNanos, pausedUntilNanos - now);
    }
    if (stopping) {
      waitNanos = Math.min(waitNanos, Math.max(0, stopAtNanos - now));
    }
    lock.lock();
    try {
      if (!signalled && waitNanos > 0) {
        changed.awaitNanos(waitNanos);
      }
      signalled = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(Duration.ZERO);
    } finally {
      lock.unlock();
    }
  }

  private void closeProducer() {
    if (producer != null) {
      // Records still in flight stay in the spool and are sent again by the next producer.
      producer.close(Duration.ZERO);
      producer = null;
    }
  }
}
