package io.aiops.collector.delivery.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {
  // 100 records of ~50 bytes fill a segment of 4 KiB about once.
  private static final SpoolLimits SMALL = new SpoolLimits(64 * 1024, 4 * 1024);
  private static final SpoolLimits TINY = new SpoolLimits(8 * 1024, 4 * 1024);

  @TempDir Path dir;

  @Test
  void readsRecordsBackInTheOrderTheyWereAppended() throws IOException {
    try (DiskSpool spool = open(SMALL)) {
      for (int i = 0; i < 250; i++) {
        assertEquals(i, spool.append(payload(i)));
      }

      List<SpooledRecord> records = readAll(spool, 0);

      assertEquals(250, records.size());
      for (int i = 0; i < 250; i++) {
        assertEquals(i, records.get(i).sequence());
        assertArrayEquals(payload(i), records.get(i).payload());
      }
      assertTrue(segmentFiles().size() > 1, "250 records span several 4 KiB segments");
    }
  }

  @Test
  void readsInBatchesBoundedByCountAndBytesButAlwaysAtLeastOneRecord() throws IOException {
    try (DiskSpool spool = open(SMALL)) {
      for (int i = 0; i < 10; i++) {
        spool.append(payload(i));
      }

      assertEquals(3, spool.read(0, 3, Long.MAX_VALUE).size());
      assertEquals(1, spool.read(4, 10, 1).size(), "a budget below one record still yields one");
      List<SpooledRecord> fromMiddle = spool.read(7, 10, Long.MAX_VALUE);
      assertEquals(List.of(7L, 8L, 9L), fromMiddle.stream().map(SpooledRecord::sequence).toList());
      assertTrue(spool.read(10, 10, Long.MAX_VALUE).isEmpty(), "nothing after the end");
    }
  }

  @Test
  void reopeningResumesAtTheFirstUnacknowledgedRecord() throws IOException {
    try (DiskSpool spool = open(SMALL)) {
      for (int i = 0; i < 120; i++) {
        spool.append(payload(i));
      }
      spool.acknowledge(75);
    }

    try (DiskSpool reopened = open(SMALL)) {
      assertEquals(75, reopened.firstUnacknowledged());
      assertEquals(45, reopened.pendingRecords());
      assertEquals(45, reopened.recovery().pendingRecords());
      List<SpooledRecord> records = readAll(reopened, reopened.firstUnacknowledged());
      assertEquals(75, records.get(0).sequence());
      assertArrayEquals(payload(75), records.get(0).payload());
      assertEquals(119, records.get(records.size() - 1).sequence());
      assertEquals(120, reopened.append(payload(120)), "numbering continues");
    }
  }

  @Test
  void deletesSegmentsOnceAllTheirRecordsAreAcknowledged() throws IOException {
    try (DiskSpool spool = open(SMALL)) {
      for (int i = 0; i < 300; i++) {
        spool.append(payload(i));
      }
      int before = segmentFiles().size();
      long bytesBefore = spool.sizeBytes();

      spool.acknowledge(300);

      assertTrue(before >= 3, "300 records span at least three segments");
      assertEquals(1, segmentFiles().size(), "only the segment taking appends remains");
      assertTrue(spool.sizeBytes() < bytesBefore);
      assertEquals(0, spool.pendingRecords());
      assertEquals(0, spool.droppedRecords(), "acknowledged records are deleted, not dropped");
    }
  }

  @Test
  void dropsTheOldestSegmentWhenFullAndCountsItsUnacknowledgedRecords() throws IOException {
    int appended = 1_000;
    try (DiskSpool spool = open(TINY)) {
      for (int i = 0; i < appended; i++) {
        spool.append(payload(i));
      }

      assertTrue(spool.sizeBytes() <= TINY.maxBytes(), "stays within its cap");
      assertTrue(spool.droppedRecords() > 0);
      assertEquals(appended, spool.droppedRecords() + spool.pendingRecords(), "each one counted");
      List<SpooledRecord> kept = readAll(spool, 0);
      assertEquals(spool.pendingRecords(), kept.size());
      assertEquals(appended - 1, kept.get(kept.size() - 1).sequence(), "the newest are kept");
      assertEquals(spool.droppedRecords(), kept.get(0).sequence(), "the oldest are dropped");
    }
  }

  @Test
  void countsOnlyUnacknowledgedRecordsOfADroppedSegment() throws IOException {
    try (DiskSpool spool = open(TINY)) {
      long perSegment = 0;
      while (segmentFiles().size() < 2) {
        spool.append(payload((int) perSegment++));
      }
      long firstSegmentRecords = perSegment - 1;
      spool.acknowledge(10);
      while (spool.droppedRecords() == 0) {
        spool.append(payload(0));
      }

      assertEquals(firstSegmentRecords - 10, spool.droppedRecords());
    }
  }

  @Test
  void truncatesATornTailOnOpenAndKeepsEveryWholeRecord() throws IOException {
    try (DiskSpool spool = open(SMALL)) {
      for (int i = 0; i < 5; i++) {
        spool.append(payload(i));
      }
    }
    Path last = lastSegment();
    long wholeBytes = Files.size(last);
    // A crash in the middle of an append: the frame header promises more than was written.
    try (FileChannel channel = FileChannel.open(last, StandardOpenOption.APPEND)) {
      channel.write(ByteBuffer.allocate(8 + 10).putInt(100).putInt(12345).rewind());
    }

    try (DiskSpool reopened = open(SMALL)) {
      assertEquals(1, reopened.recovery().lostRecords());
      assertEquals(18, reopened.recovery().truncatedBytes());
      assertEquals(wholeBytes, Files.size(last));
      assertEquals(5, reopened.append(payload(5)));
      List<SpooledRecord> records = readAll(reopened, 0);
      assertEquals(6, records.size());
      assertArrayEquals(payload(5), records.get(5).payload());
    }
  }

  @Test
  void truncatesARecordWhoseChecksumDoesNotMatch() throws IOException {
    try (DiskSpool spool = open(SMALL)) {
      for (int i = 0; i < 3; i++) {
        spool.append(payload(i));
      }
    }
    Path last = lastSegment();
    try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
      channel.write(ByteBuffer.wrap(new byte[] {'X'}), Files.size(last) - 1);
    }

    try (DiskSpool reopened = open(SMALL)) {
      assertEquals(1, reopened.recovery().lostRecords());
      List<SpooledRecord> records = readAll(reopened, 0);
      assertEquals(List.of(0L, 1L), records.stream().map(SpooledRecord::sequence).toList());
    }
  }

  @Test
  void resetsASegmentFileThatACrashLeftWithoutItsHeader() throws IOException {
    try (DiskSpool spool = open(SMALL)) {
      spool.append(payload(0));
    }
    Files.write(SpoolSegment.pathFor(dir, 1), new byte[3]);

    try (DiskSpool reopened = open(SMALL)) {
      assertEquals(1, reopened.append(payload(1)));
      assertEquals(2, readAll(reopened, 0).size());
    }
  }

  @Test
  void resendsFromTheOldestRecordWhenThePositionFileIsUnreadable() throws IOException {
    try (DiskSpool spool = open(SMALL)) {
      for (int i = 0; i < 5; i++) {
        spool.append(payload(i));
      }
      spool.acknowledge(3);
    }
    Files.writeString(dir.resolve(AcknowledgedPosition.FILE_NAME), "");

    try (DiskSpool reopened = open(SMALL)) {
      assertEquals(0, reopened.firstUnacknowledged(), "duplicates rather than loss");
      assertEquals(5, reopened.pendingRecords());
    }
  }

  @Test
  void numbersNewRecordsAfterAcknowledgedOnesThatAPowerLossTookFromTheSegment() throws IOException {
    try (DiskSpool spool = open(SMALL)) {
      for (int i = 0; i < 5; i++) {
        spool.append(payload(i));
      }
    }
    Files.writeString(dir.resolve(AcknowledgedPosition.FILE_NAME), "9\n");

    try (DiskSpool reopened = open(SMALL)) {
      assertEquals(0, reopened.pendingRecords());
      long sequence = reopened.append(payload(9));
      assertEquals(9, sequence, "a new record must not count as acknowledged");
      assertEquals(1, reopened.pendingRecords());
      assertEquals(9, reopened.read(reopened.firstUnacknowledged(), 10, 1_000).get(0).sequence());
    }
  }

  @Test
  void writesTheAcknowledgedPositionOnCheckpoint() throws IOException {
    try (DiskSpool spool = open(SMALL)) {
      for (int i = 0; i < 5; i++) {
        spool.append(payload(i));
      }
      spool.acknowledge(2);
      spool.acknowledge(4);
      spool.checkpoint();

      assertEquals("4", Files.readString(dir.resolve(AcknowledgedPosition.FILE_NAME)).trim());
    }
  }

  @Test
  void refusesASecondCollectorOnTheSameDirectory() throws IOException {
    try (DiskSpool spool = open(SMALL)) {
      IllegalStateException refused = assertThrows(IllegalStateException.class, () -> open(SMALL));
      assertTrue(refused.getMessage().contains("in use"), refused.getMessage());
    }
    try (DiskSpool afterClose = open(SMALL)) {
      assertFalse(afterClose.directory().toString().isEmpty());
    }
  }

  @Test
  void refusesARecordBiggerThanTheCap() throws IOException {
    try (DiskSpool spool = open(TINY)) {
      assertThrows(IllegalArgumentException.class, () -> spool.append(new byte[9 * 1024]));
    }
  }

  private DiskSpool open(SpoolLimits limits) throws IOException {
    return DiskSpool.open(dir, limits, SpoolFsync.OS_WRITEBACK);
  }

  private static List<SpooledRecord> readAll(DiskSpool spool, long from) throws IOException {
    List<SpooledRecord> all = new ArrayList<>();
    long next = from;
    while (true) {
      List<SpooledRecord> batch = spool.read(next, 7, 300);
      if (batch.isEmpty()) {
        return all;
      }
      all.addAll(batch);
      next = batch.get(batch.size() - 1).sequence() + 1;
    }
  }

  private static byte[] payload(int i) {
    return ("sample " + i + " of host-a, rss 123456789 bytes, cgroup /system.slice/x")
        .getBytes(StandardCharsets.UTF_8);
  }

  private List<Path> segmentFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(SpoolSegment.SUFFIX)).sorted().toList();
    }
  }

  private Path lastSegment() throws IOException {
    List<Path> files = segmentFiles();
    return files.get(files.size() - 1);
  }
}
