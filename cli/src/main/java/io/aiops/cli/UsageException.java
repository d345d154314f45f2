package io.aiops.cli;

/** A mistake of the user's (bad option value, unreadable input): exit 2 with one line. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
