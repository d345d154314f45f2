package io.aiops.collector.host;

import io.aiops.collector.procfs.ReadErrors;
import io.aiops.schemas.memory.HostMemorySample;
import io.aiops.schemas.memory.ProcessMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples this host a few times and prints, one line each, every process with its owner and the
 * fields a non-root collector may lack; then the read errors. {@link NonRootSamplingIT} runs it as
 * an unprivileged user.
 */
public final class NonRootSampleProbe {
  private NonRootSampleProbe() {}

  public static void main(String[] args) {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    ReadErrors errors = new ReadErrors();
    HostSampler sampler =
        new HostSampler(HostPaths.live(), new ProcessSelection(0, Integer.MAX_VALUE), errors);
    HostMemorySample sample = null;
    for (int i = 0; i < samples; i++) {
      sample = sampler.sample(System.currentTimeMillis());
    }
    System.out.println("self " + ProcessHandle.current().pid());
    for (ProcessMemory p : sample.getProcesses()) {
      System.out.printf(
          "process %d uid=%s pss=%s fd=%s cmdline=%s%n",
          p.getPid(), owner(p.getPid()), p.getPssBytes(), p.getFdCount(), p.getCmdline() != null);
    }
    System.out.println("errors " + errors.snapshot());
  }

  private static String owner(int pid) {
    try {
      return String.valueOf(Files.getAttribute(Path.of("/proc", String.valueOf(pid)), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "gone";
    }
  }
}
