package io.aiops.collector.procfs;

import java.io.IOException;
import java.nio.file.Path;

/** The kernel's base page size, which sockstat and other page counts are expressed in. */
public final class PageSize {
  public static final long DEFAULT_BYTES = 4096;
  // The first mapping's lines come well within this; /proc/self/smaps of a JVM runs to megabytes.
  private static final int HEAD_BYTES = 4096;
  private static final KeyedLines KERNEL_PAGE_SIZE = new KeyedLines("KernelPageSize");

  private PageSize() {}

  /**
   * KernelPageSize of the first mapping in {@code procRoot/self/smaps} (4 kB on x86-64, 4 or 64 kB
   * on arm64 and ppc64le depending on the kernel build), else {@link #DEFAULT_BYTES}. Read once: it
   * cannot change while the kernel runs.
   */
  public static long of(Path procRoot) {
    ProcFileBuffer buffer = new ProcFileBuffer();
    try {
      int length = buffer.read(procRoot.resolve("self/smaps"), HEAD_BYTES);
      // Keep whole lines only: the read may end mid-line.
      while (length > 0 && buffer.bytes()[length - 1] != '\n') {
        length--;
      }
      long[] value = new long[1];
      KERNEL_PAGE_SIZE.scan(buffer.bytes(), length, value);
      return value[0] > 0 ? value[0] : DEFAULT_BYTES;
    } catch (IOException e) {
      return DEFAULT_BYTES;
    }
  }
}
