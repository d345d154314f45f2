package io.aiops.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code aiops --version}, from the jar manifest when packaged. */
public final class AiopsVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = AiopsVersion.class.getPackage().getImplementationVersion();
    return new String[] {"aiops " + (version == null ? "development build" : version)};
  }
}
