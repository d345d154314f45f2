package io.aiops.infra.registry;

/** A request the registry refuses, with the Confluent error code and the HTTP status it implies. */
final class RegistryError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final int SUBJECT_NOT_FOUND = 40401;
  static final int VERSION_NOT_FOUND = 40402;
  static final int SCHEMA_NOT_FOUND = 40403;
  static final int INVALID_SCHEMA = 42201;
  static final int INVALID_VERSION = 42202;
  static final int STORE_ERROR = 50001;

  private final int errorCode;

  RegistryError(int errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  RegistryError(int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  int errorCode() {
    return errorCode;
  }

  /** Confluent's five-digit codes start with the HTTP status; plain HTTP errors use it as is. */
  int httpStatus() {
    return errorCode >= 10_000 ? errorCode / 100 : errorCode;
  }

  static RegistryError subjectNotFound(String subject) {
    return new RegistryError(SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  static RegistryError versionNotFound(String subject, String version) {
    return new RegistryError(
        VERSION_NOT_FOUND, "Version " + version + " not found under subject '" + subject + "'.");
  }

  static RegistryError schemaNotFound() {
    return new RegistryError(SCHEMA_NOT_FOUND, "Schema not found");
  }

  static RegistryError invalidSchema(String detail) {
    return new RegistryError(INVALID_SCHEMA, "Invalid schema: " + detail);
  }
}
