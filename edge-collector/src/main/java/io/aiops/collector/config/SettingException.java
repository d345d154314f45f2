package io.aiops.collector.config;

/** A setting with a bad or missing value; the message is one line that names the option. */
public final class SettingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SettingException(String message) {
    super(message);
  }
}
