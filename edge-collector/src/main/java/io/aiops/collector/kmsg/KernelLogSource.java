package io.aiops.collector.kmsg;

import java.io.IOException;
import java.util.function.Consumer;

/** A kernel log being read: the running kernel's ring buffer once (a dump), or followed. */
public interface KernelLogSource extends AutoCloseable {

  /** What is read, for people: {@code /dev/kmsg}, {@code dmesg --time-format iso}, a file. */
  String description();

  /**
   * Hands each kernel line to the sink, in order, until the source ends (a dump is complete, a file
   * or pipe reached its end) or {@link #close()} is called from another thread.
   *
   * @throws KernelLogUnavailableException when the log cannot be read at all (permission, missing)
   */
  void read(Consumer<KernelLogLine> sink) throws IOException;

  /** Stops a read in progress; safe to call more than once and from any thread. */
  @Override
  void close();
}
