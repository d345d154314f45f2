package io.aiops.collector.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aiops.collector.simulate.SimulatedFleet;
import io.aiops.schemas.topic.TopicNames;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpoolEntryCodecTest {
  private static final long START_MS = 1_700_000_000_000L;

  @Test
  void readsBackWhatItWroteWithAndWithoutCompression() {
    SpoolEntry entry = sampleEntry();
    for (boolean compress : new boolean[] {true, false}) {
      SpoolEntryCodec codec = new SpoolEntryCodec(compress);

      SpoolEntry decoded = codec.decode(codec.encode(entry));

      assertEquals(entry.topic(), decoded.topic());
      assertEquals(entry.key(), decoded.key());
      assertEquals(entry.timestampMs(), decoded.timestampMs());
      assertEquals(entry.schemaFingerprint(), decoded.schemaFingerprint());
      assertArrayEquals(entry.avroValue(), decoded.avroValue());
    }
  }

  @Test
  void compressesASampleToWellUnderItsPlainSize() {
    SpoolEntry entry = sampleEntry();

    int plain = new SpoolEntryCodec(false).encode(entry).length;
    int deflated = new SpoolEntryCodec(true).encode(entry).length;

    assertTrue(deflated < plain * 0.8, deflated + " deflated vs " + plain + " plain");
  }

  @Test
  void storesAValueThatDeflateCannotShrinkPlain() {
    byte[] noise = new byte[2_000];
    new Random(7).nextBytes(noise);
    SpoolEntry entry = new SpoolEntry(TopicNames.SAMPLES, "h", 1L, 2L, noise);
    SpoolEntryCodec codec = new SpoolEntryCodec(true);

    byte[] payload = codec.encode(entry);

    assertEquals(0, payload[0], "stored plain");
    assertArrayEquals(noise, codec.decode(payload).avroValue());
  }

  @Test
  void keepsANullKey() {
    SpoolEntryCodec codec = new SpoolEntryCodec(true);
    SpoolEntry entry = new SpoolEntry(TopicNames.OOM_EVENTS, null, 5L, 6L, new byte[] {1, 2});

    assertNull(codec.decode(codec.encode(entry)).key());
  }

  @Test
  void refusesBytesItDidNotWrite() {
    SpoolEntryCodec codec = new SpoolEntryCodec(true);
    byte[] cut = codec.encode(sampleEntry());
    cut[1] = 0x7f;

    assertThrows(IllegalArgumentException.class, () -> codec.decode(new byte[] {9, 1, 2}));
    assertThrows(IllegalArgumentException.class, () -> codec.decode(new byte[] {0, 0}));
    assertThrows(IllegalArgumentException.class, () -> codec.decode(cut));
  }

  private static SpoolEntry sampleEntry() {
    var sample = SimulatedFleet.create(1, 11, START_MS).hosts().get(0).sample(START_MS + 60_000);
    return new SpoolEntry(
        TopicNames.SAMPLES,
        sample.getHostId(),
        sample.getTimestampMs(),
        0x1234_5678_9abc_def0L,
        new AvroBinary().encode(sample));
  }
}
