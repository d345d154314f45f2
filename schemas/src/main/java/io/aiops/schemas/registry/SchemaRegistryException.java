package io.aiops.schemas.registry;

/** The registry could not be reached or refused a request; the message says which and why. */
public class SchemaRegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SchemaRegistryException(String message) {
    super(message);
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
