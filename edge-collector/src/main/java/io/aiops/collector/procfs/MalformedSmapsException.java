package io.aiops.collector.procfs;

import java.io.IOException;

/** A line of an smaps file that is neither a mapping header nor a "Name: value" field. */
public final class MalformedSmapsException extends IOException {
  private static final long serialVersionUID = 1L;

  public MalformedSmapsException(int lineNumber, String problem) {
    super("line " + lineNumber + ": " + problem);
  }
}
