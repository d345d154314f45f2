package io.aiops.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PointHistoryTest extends DetectionFixtures {
  private static final long MINUTE_MS = 60_000;

  @Test
  void averagesTheSamplesOfABucketIntoOnePoint() {
    PointHistory history = new PointHistory(BUCKET_MS, CAPACITY);
    history.add(START_MS, 10);
    history.add(START_MS + MINUTE_MS, 20);
    history.add(START_MS + 5 * MINUTE_MS, 60);

    history.add(START_MS + BUCKET_MS, 1_000);

    assertEquals(1, history.size());
    assertEquals(START_MS + 2 * MINUTE_MS, history.timestampMsAt(0));
    assertEquals(30, history.valueAt(0), 1e-12);
  }

  @Test
  void reportsAClosedBucketOnlyOnTheFirstSampleOfTheNextOne() {
    PointHistory history = new PointHistory(BUCKET_MS, CAPACITY);

    assertFalse(history.add(START_MS, 1));
    assertFalse(history.add(START_MS + BUCKET_MS - 1, 2));
    assertTrue(history.add(START_MS + BUCKET_MS, 3));
    assertFalse(history.add(START_MS + BUCKET_MS + MINUTE_MS, 4));
    assertEquals(1, history.size());
  }

  @Test
  void closesTheOpenBucketOnRequestAndIgnoresItsLateSamples() {
    PointHistory history = new PointHistory(BUCKET_MS, CAPACITY);
    history.add(START_MS, 10);
    history.add(START_MS + 2 * MINUTE_MS, 30);

    assertTrue(history.closeOpenBucket());

    assertEquals(1, history.size());
    assertEquals(START_MS + MINUTE_MS, history.timestampMsAt(0));
    assertEquals(20, history.valueAt(0), 1e-12);
    assertFalse(history.closeOpenBucket(), "nothing left open");
    assertFalse(history.add(START_MS + 3 * MINUTE_MS, 1_000));
    history.add(START_MS + BUCKET_MS, 40);
    assertTrue(history.closeOpenBucket());
    assertEquals(2, history.size());
    assertEquals(20, history.valueAt(0), 1e-12);
  }

  @Test
  void ignoresSamplesOlderThanTheOpenBucket() {
    PointHistory history = new PointHistory(BUCKET_MS, CAPACITY);
    history.add(START_MS, 10);
    history.add(START_MS + BUCKET_MS + 10 * MINUTE_MS, 100);

    assertFalse(history.add(START_MS + 20 * MINUTE_MS, 5_000));
    // Out of order but inside the open bucket: still averaged in.
    assertFalse(history.add(START_MS + BUCKET_MS + 2 * MINUTE_MS, 200));
    history.add(START_MS + 2 * BUCKET_MS, 0);

    assertEquals(2, history.size());
    assertEquals(10, history.valueAt(0));
    assertEquals(150, history.valueAt(1), 1e-12);
    assertEquals(START_MS + BUCKET_MS + 6 * MINUTE_MS, history.timestampMsAt(1));
  }

  @Test
  void ignoresValuesThatAreNotNumbers() {
    PointHistory history = new PointHistory(BUCKET_MS, CAPACITY);
    history.add(START_MS, 10);

    assertFalse(history.add(START_MS + MINUTE_MS, Double.NaN));
    assertFalse(history.add(START_MS + BUCKET_MS, Double.POSITIVE_INFINITY));
    history.add(START_MS + BUCKET_MS, 0);

    assertEquals(10, history.valueAt(0));
  }

  @Test
  void dropsTheOldestPointPastCapacity() {
    PointHistory history = new PointHistory(BUCKET_MS, 4);
    for (int bucket = 0; bucket < 8; bucket++) {
      history.add(START_MS + bucket * BUCKET_MS, bucket);
    }

    // Buckets 0..6 are closed; only the newest four remain.
    assertEquals(4, history.size());
    assertEquals(START_MS + 3 * BUCKET_MS, history.timestampMsAt(0));
    assertEquals(3, history.valueAt(0));
    assertEquals(6, history.valueAt(3));
    assertThrows(IndexOutOfBoundsException.class, () -> history.valueAt(4));
  }

  @Test
  void leavesTheBucketsOfASixHourGapAbsent() {
    PointHistory history = replayWithGap(flat(GIB), 12, 0, 1, 3, 9);

    // Six buckets before the gap, five closed after it (the newest is still open).
    assertEquals(11, history.size());
    assertEquals(6.5 * HOUR_MS, history.timestampMsAt(6) - history.timestampMsAt(5));
    assertEquals(BUCKET_MS, history.timestampMsAt(7) - history.timestampMsAt(6));
  }

  @Test
  void roundTripsThroughBytesWithItsOpenBucket() {
    // 60 h into 96 buckets: the ring has wrapped and a bucket is half full.
    PointHistory original = replay(flat(GIB).plus(growth(MIB, 0)), 60.25, MIB, 2);

    PointHistory copy = PointHistory.fromBytes(original.toBytes());

    assertEquals(original.bucketMs(), copy.bucketMs());
    assertEquals(original.capacity(), copy.capacity());
    assertEquals(CAPACITY, copy.size());
    for (int i = 0; i < copy.size(); i++) {
      assertEquals(original.timestampMsAt(i), copy.timestampMsAt(i));
      assertEquals(original.valueAt(i), copy.valueAt(i));
    }
    assertArrayEquals(original.toBytes(), copy.toBytes());
    long nextBucketMs = START_MS + 121 * BUCKET_MS;
    assertTrue(original.add(nextBucketMs, 0));
    assertTrue(copy.add(nextBucketMs, 0));
    assertEquals(original.valueAt(CAPACITY - 1), copy.valueAt(CAPACITY - 1));
    assertEquals(original.timestampMsAt(CAPACITY - 1), copy.timestampMsAt(CAPACITY - 1));
  }

  @Test
  void roundTripsAnEmptyHistory() {
    PointHistory copy = PointHistory.fromBytes(new PointHistory(BUCKET_MS, 3).toBytes());

    assertEquals(0, copy.size());
    assertEquals(3, copy.capacity());
  }

  @Test
  void rejectsEveryTruncationAndAnyTrailingByte() {
    byte[] valid = replay(flat(GIB), 3.5, MIB, 3).toBytes();

    for (int length = 0; length < valid.length; length++) {
      byte[] truncated = Arrays.copyOf(valid, length);
      assertThrows(IllegalArgumentException.class, () -> PointHistory.fromBytes(truncated));
    }
    byte[] longer = Arrays.copyOf(valid, valid.length + 1);
    assertThrows(IllegalArgumentException.class, () -> PointHistory.fromBytes(longer));
  }

  @Test
  void rejectsAnUnknownFormatAndImpossibleHeaders() {
    byte[] valid = replay(flat(GIB), 3.5, MIB, 4).toBytes();

    assertThrows(IllegalArgumentException.class, () -> PointHistory.fromBytes(null));
    assertThrows(IllegalArgumentException.class, () -> fromPatched(valid, 0, (byte) 2));
    assertThrows(IllegalArgumentException.class, () -> fromPatchedInt(valid, 9, 1 << 30));
    assertThrows(IllegalArgumentException.class, () -> fromPatchedInt(valid, 13, -1));
    assertThrows(IllegalArgumentException.class, () -> fromPatchedInt(valid, 13, CAPACITY + 1));
  }

  @Test
  void rejectsRandomGarbageWithIllegalArgumentOnly() {
    Random random = new Random(5);
    for (int i = 0; i < 2_000; i++) {
      byte[] garbage = new byte[random.nextInt(200)];
      random.nextBytes(garbage);
      if (garbage.length > 0 && i % 2 == 0) {
        garbage[0] = PointHistoryFormat.VERSION_1;
      }
      assertThrows(IllegalArgumentException.class, () -> PointHistory.fromBytes(garbage));
    }
  }

  @Test
  void refusesABucketOrCapacityThatIsNotPositive() {
    assertThrows(IllegalArgumentException.class, () -> new PointHistory(0, CAPACITY));
    assertThrows(IllegalArgumentException.class, () -> new PointHistory(BUCKET_MS, 0));
  }

  private static PointHistory fromPatched(byte[] bytes, int offset, byte value) {
    byte[] patched = bytes.clone();
    patched[offset] = value;
    return PointHistory.fromBytes(patched);
  }

  private static PointHistory fromPatchedInt(byte[] bytes, int offset, int value) {
    byte[] patched = bytes.clone();
    ByteBuffer.wrap(patched).putInt(offset, value);
    return PointHistory.fromBytes(patched);
  }
}
