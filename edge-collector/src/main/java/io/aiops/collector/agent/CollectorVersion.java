package io.aiops.collector.agent;

import io.aiops.collector.host.HostSampler;
import picocli.CommandLine.IVersionProvider;

/** The collector's version: the one its samples carry in collector_version. */
public final class CollectorVersion implements IVersionProvider {
  public static final String VERSION = HostSampler.COLLECTOR_VERSION;

  @Override
  public String[] getVersion() {
    return new String[] {"aiops collector " + VERSION};
  }
}
