package io.aiops.collector.delivery;

import java.util.ArrayDeque;

/**
 * The records handed to the producer and not yet settled, oldest first, bounded in count and bytes.
 * The producer's I/O thread settles slots; the sender thread alone adds and removes them, and
 * advances the spool only over the settled prefix, whatever order partitions answer in.
 */
final class InFlightWindow {
  enum Outcome {
    PENDING,
    DELIVERED,
    /** The broker will never take it (too large): skipped and counted, not retried. */
    REJECTED,
    /** Retrying with this producer cannot help; everything from the first unsettled is resent. */
    FAILED
  }

  static final class Slot {
    final long sequence;
    final long bytes;
    final long sentAtNanos;
    volatile Outcome outcome = Outcome.PENDING;
    volatile Exception error;
    // Set when the producer refused the record inside send() (and so never took it).
    Exception refusal;

    private Slot(long sequence, long bytes) {
      this.sequence = sequence;
      this.bytes = bytes;
      this.sentAtNanos = System.nanoTime();
    }

    void deliver() {
      outcome = Outcome.DELIVERED;
    }

    void reject(Exception cause) {
      error = cause;
      outcome = Outcome.REJECTED;
    }

    void fail(Exception cause) {
      error = cause;
      outcome = Outcome.FAILED;
    }
  }

  /** The settled prefix just removed: how many of each, and the first sequence after it. */
  record Settled(long delivered, long rejected, long nextSequence) {
    boolean isEmpty() {
      return delivered + rejected == 0;
    }
  }

  private final int maxRecords;
  private final long maxBytes;
  private final ArrayDeque<Slot> slots = new ArrayDeque<>();
  private long bytes;

  InFlightWindow(int maxRecords, long maxBytes) {
    this.maxRecords = maxRecords;
    this.maxBytes = maxBytes;
  }

  boolean hasRoom() {
    return slots.size() < maxRecords && bytes < maxBytes;
  }

  int roomRecords() {
    return maxRecords - slots.size();
  }

  long roomBytes() {
    return maxBytes - bytes;
  }

  Slot add(long sequence, long recordBytes) {
    Slot slot = new Slot(sequence, recordBytes);
    slots.addLast(slot);
    bytes += recordBytes;
    return slot;
  }

  /** Takes back the newest slot, for a record the producer refused to take. */
  void removeNewest(Slot slot) {
    if (slots.peekLast() == slot) {
      slots.removeLast();
      bytes -= slot.bytes;
    }
  }

  /** Removes the leading slots that were delivered or rejected. */
  Settled takeSettledPrefix() {
    long delivered = 0;
    long rejected = 0;
    long next = -1;
    while (!slots.isEmpty()) {
      Slot head = slots.peekFirst();
      Outcome outcome = head.outcome;
      if (outcome == Outcome.DELIVERED) {
        delivered++;
      } else if (outcome == Outcome.REJECTED) {
        rejected++;
      } else {
        break;
      }
      slots.removeFirst();
      bytes -= head.bytes;
      next = head.sequence + 1;
    }
    return new Settled(delivered, rejected, next);
  }

  /** The first failure in the window, or null. */
  Exception failure() {
    for (Slot slot : slots) {
      if (slot.outcome == Outcome.FAILED) {
        return slot.error;
      }
    }
    return null;
  }

  /** How long the oldest unsettled record has waited, or 0 when none waits. */
  long oldestWaitNanos() {
    Slot head = slots.peekFirst();
    return head == null ? 0 : System.nanoTime() - head.sentAtNanos;
  }

  boolean isEmpty() {
    return slots.isEmpty();
  }

  /** Forgets every slot: their records will be read from the spool and sent again. */
  void clear() {
    slots.clear();
    bytes = 0;
  }
}
