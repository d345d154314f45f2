package io.aiops.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/** Bytes that are not a valid Confluent wire-format Avro record; the message says why. */
public class WireFormatException extends SerializationException {
  private static final long serialVersionUID = 1L;

  public WireFormatException(String message) {
    super(message);
  }

  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
