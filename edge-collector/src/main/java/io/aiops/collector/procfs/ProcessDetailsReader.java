package io.aiops.collector.procfs;

import io.aiops.collector.cgroup.CgroupMembership;
import io.aiops.collector.cgroup.ContainerIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the costlier per-process files (cgroup, cmdline, smaps_rollup, the fd directory) of the
 * processes a sample carries: smaps_rollup walks the page tables, so reading it for every process
 * on a busy host would cost more than the whole rest of the sample. Not thread-safe.
 */
public final class ProcessDetailsReader {
  private static final String PSS_FIELDS =
      "pss_bytes, pss_anon_bytes, pss_file_bytes, pss_shmem_bytes, smaps_swap_bytes,"
          + " swap_pss_bytes and private_dirty_bytes";

  private final Path procRoot;
  private final ReadErrors errors;
  private final MissingDataNotices notices;
  private final ProcFileBuffer buffer = new ProcFileBuffer();
  private final SmapsRollup.Parser smapsParser = new SmapsRollup.Parser();
  private final FdCounter fds;
  // Kernels before 4.14 have no smaps_rollup for any process, the reader's own included.
  private final boolean smapsRollupPresent;

  public ProcessDetailsReader(Path procRoot, ReadErrors errors, MissingDataNotices notices) {
    this.procRoot = procRoot;
    this.errors = errors;
    this.notices = notices;
    this.fds = new FdCounter(procRoot);
    this.smapsRollupPresent = Files.exists(procRoot.resolve("self/smaps_rollup"));
  }

  /** The details, or empty when the process exited since it was selected (counted vanished). */
  public Optional<ProcessDetails> read(int pid) {
    Path dir = procRoot.resolve(Integer.toString(pid));
    try {
      String cgroupText = cgroupText(dir);
      CgroupMembership cgroup = cgroupText == null ? null : CgroupMembership.parse(cgroupText);
      String cmdline = cmdline(dir);
      return Optional.of(
          new ProcessDetails(
              cgroup,
              cgroup == null
                  ? ContainerIdentity.NONE
                  : ContainerIdentity.fromCgroupPath(cgroup.path()),
              smapsRollup(dir),
              fdCount(dir),
              cmdline));
    } catch (ProcessGone gone) {
      return Optional.empty();
    }
  }

  private String cmdline(Path dir) throws ProcessGone {
    try {
      buffer.read(dir.resolve("cmdline"), Cmdline.MAX_BYTES);
      return Cmdline.decode(buffer.bytes(), buffer.length());
    } catch (IOException e) {
      return failed(e, dir, "cmdline", "cmdline");
    }
  }

  private SmapsRollup smapsRollup(Path dir) throws ProcessGone {
    if (!smapsRollupPresent) {
      notices.once(
          "smaps_rollup",
          "this kernel has no /proc/<pid>/smaps_rollup (before 4.14): " + PSS_FIELDS + " are null");
      return null;
    }
    try {
      buffer.read(dir.resolve("smaps_rollup"));
      return smapsParser.parse(buffer.bytes(), buffer.length(), errors);
    } catch (IOException e) {
      return failed(e, dir, "smaps_rollup", PSS_FIELDS);
    }
  }

  private Integer fdCount(Path dir) throws ProcessGone {
    try {
      return fds.count(dir.resolve("fd"));
    } catch (IOException e) {
      return failed(e, dir, "fd", "fd_count");
    }
  }

  private String cgroupText(Path dir) throws ProcessGone {
    try {
      buffer.read(dir.resolve("cgroup"));
      return buffer.text();
    } catch (IOException e) {
      return failed(e, dir, "cgroup", "cgroup_path, container_id and pod_uid");
    }
  }

  /**
   * Counts the failure; a vanished process ends the reading, anything else leaves the field null.
   * Permission denied is also said once, naming the fields this user will not get.
   */
  private <T> T failed(IOException e, Path dir, String file, String nullFields) throws ProcessGone {
    if (e instanceof NoSuchFileException && Files.isDirectory(dir)) {
      return null; // a recorded tree without this file; a live kernel always has it
    }
    String kind = errors.countProcessFailure(e, dir);
    if (kind.equals(ReadErrors.VANISHED)) {
      throw new ProcessGone();
    }
    if (kind.equals(ReadErrors.PERMISSION_DENIED)) {
      // Access is ptrace read access: root has it for other users' processes, but a
      // non-dumpable process of an outer user namespace (a sandbox's init) refuses even root.
      notices.once(
          "denied:" + file,
          file
              + " of other users' processes needs root or CAP_SYS_PTRACE"
              + (file.equals("fd") ? " (Linux 6.2+ gives the count without)" : "")
              + ", and processes of an outer user namespace refuse even those; "
              + nullFields
              + " of the processes denied are null");
    }
    return null;
  }

  /** The process exited between selection and this read. */
  private static final class ProcessGone extends Exception {
    ProcessGone() {
      super(null, null, false, false);
    }
  }
}
