package io.aiops.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro 1.12 refuses to instantiate classes outside its trusted list; our generated types live in
 * {@code io.aiops.schemas.memory}, so that package is added once, keeping Avro's own defaults.
 */
public final class AvroTrust {
  private static final String GENERATED_PACKAGE = "io.aiops.schemas.memory.";
  private static volatile boolean installed;

  private AvroTrust() {}

  public static void trustGeneratedClasses() {
    if (installed) {
      return;
    }
    synchronized (AvroTrust.class) {
      if (!installed) {
        ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(
            type -> type.getName().startsWith(GENERATED_PACKAGE) || previous.isTrusted(type));
        installed = true;
      }
    }
  }
}
