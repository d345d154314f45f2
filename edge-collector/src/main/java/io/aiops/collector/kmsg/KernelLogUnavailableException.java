package io.aiops.collector.kmsg;

import java.io.IOException;

/** The kernel log cannot be read from this source; the message says why, for a person. */
public final class KernelLogUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  public KernelLogUnavailableException(String message) {
    super(message);
  }
}
