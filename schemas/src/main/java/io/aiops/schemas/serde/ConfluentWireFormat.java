package io.aiops.schemas.serde;

import java.nio.ByteBuffer;

/**
 * The Confluent framing of a record value: magic byte 0, a 4-byte big-endian schema id, then the
 * Avro binary encoding.
 */
public final class ConfluentWireFormat {
  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_LENGTH = 5;

  private ConfluentWireFormat() {}

  /** The schema id in the header of {@code payload}, after checking the framing. */
  public static int schemaId(byte[] payload) {
    if (payload == null) {
      throw new WireFormatException("null payload");
    }
    if (payload.length < HEADER_LENGTH) {
      throw new WireFormatException(
          "payload of " + payload.length + " bytes is shorter than the 5-byte wire-format header");
    }
    if (payload[0] != MAGIC_BYTE) {
      throw new WireFormatException(
          "unknown magic byte " + payload[0] + " (expected 0: Confluent wire format)");
    }
    return ByteBuffer.wrap(payload, 1, 4).getInt();
  }

  static void writeHeader(byte[] target, int schemaId) {
    target[0] = MAGIC_BYTE;
    ByteBuffer.wrap(target, 1, 4).putInt(schemaId);
  }
}
