package io.aiops.infra.broker;

/**
 * Keeps the Log4j API quiet when nothing implements it. The broker logs through SLF4J, but
 * kafka-server's logging-config endpoint calls the Log4j API directly; without log4j-core that API
 * prints "could not find a logging provider" to stderr on first use.
 */
final class Log4jApiFallback {
  private static final String PROVIDER_PROPERTY = "log4j.provider";
  private static final String LEGACY_FACTORY_PROPERTY = "log4j2.loggerContextFactory";
  // Log4j's own minimal provider: logs errors only, to stderr; the endpoint logs none.
  private static final String SIMPLE_PROVIDER =
      "org.apache.logging.log4j.simple.internal.SimpleProvider";
  private static final String PROVIDER_SERVICE =
      "META-INF/services/org.apache.logging.log4j.spi.Provider";

  private Log4jApiFallback() {}

  /** Selects Log4j's simple provider unless a provider is configured or on the class path. */
  static void selectSimpleProviderIfUnbound() {
    if (System.getProperty(PROVIDER_PROPERTY) != null
        || System.getProperty(LEGACY_FACTORY_PROPERTY) != null) {
      return;
    }
    ClassLoader loader = Log4jApiFallback.class.getClassLoader();
    if (loader.getResource(PROVIDER_SERVICE) == null) {
      System.setProperty(PROVIDER_PROPERTY, SIMPLE_PROVIDER);
    }
  }
}
