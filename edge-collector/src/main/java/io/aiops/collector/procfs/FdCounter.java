package io.aiops.collector.procfs;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Counts a process's open file descriptors, the figure a descriptor leak shows in. */
final class FdCounter {
  private final boolean realProcfs;

  /** Looks once at what {@code procRoot} is: a mounted procfs, or a recorded tree of files. */
  FdCounter(Path procRoot) {
    this.realProcfs = isProcfs(procRoot);
  }

  /**
   * The number of entries in {@code /proc/<pid>/fd}. Since Linux 6.2, stat() of that directory
   * reports the number of open descriptors as its size: one system call instead of a readdir and a
   * Path per descriptor, and it needs no ptrace access, which listing another user's descriptors
   * does. Older kernels report 0 there, as does a process with no descriptors; both are counted by
   * listing. A recorded tree's directory size means nothing, so it is always listed.
   *
   * @throws IOException as reading the directory does: NoSuchFileException when the process is
   *     gone, AccessDeniedException for another user's process without CAP_SYS_PTRACE
   */
  int count(Path fdDir) throws IOException {
    if (realProcfs) {
      long size = Files.readAttributes(fdDir, BasicFileAttributes.class).size();
      if (size > 0) {
        return (int) size;
      }
    }
    int count = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(fdDir)) {
      for (Path ignored : entries) {
        count++;
      }
    } catch (DirectoryIteratorException e) {
      throw e.getCause(); // the process exited while its descriptors were listed
    }
    return count;
  }

  private static boolean isProcfs(Path procRoot) {
    try {
      return Files.getFileStore(procRoot).type().equals("proc");
    } catch (IOException e) {
      return false;
    }
  }
}
