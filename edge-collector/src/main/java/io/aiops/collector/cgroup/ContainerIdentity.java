package io.aiops.collector.cgroup;

/**
 * The container and Kubernetes pod a process runs in, as its cgroup path shows them. Either may be
 * null: a plain systemd service has neither, a docker container has no pod.
 */
public record ContainerIdentity(String containerId, String podUid) {
  public static final ContainerIdentity NONE = new ContainerIdentity(null, null);

  private static final int CONTAINER_ID_LENGTH = 64;
  // Runtime prefixes of systemd scope units; "crio-conmon-" and "libpod-conmon-" are the
  // container monitors, outside the container, and do not match because "conmon-" is not hex.
  private static final String[] SCOPE_PREFIXES = {"docker-", "cri-containerd-", "crio-", "libpod-"};

  /**
   * Reads the path segments, innermost match winning:
   *
   * <ul>
   *   <li>container: a bare 64-hex segment (docker's {@code /docker/<id>}, the kubelet's cgroupfs
   *       driver {@code /kubepods/burstable/pod<uid>/<id>}) or a systemd scope {@code
   *       docker-<id>.scope}, {@code cri-containerd-<id>.scope}, {@code crio-<id>.scope}, {@code
   *       libpod-<id>.scope};
   *   <li>pod: {@code pod<uid>} (cgroupfs driver) or {@code kubepods-<qos>-pod<uid>.slice} (systemd
   *       driver, which writes the uid's dashes as underscores because "-" nests slices).
   * </ul>
   */
  public static ContainerIdentity fromCgroupPath(String path) {
    if (path == null || path.isEmpty()) {
      return NONE;
    }
    String containerId = null;
    String podUid = null;
    for (String segment : path.split("/")) {
      String id = containerIdOf(segment);
      if (id != null) {
        containerId = id;
      }
      String uid = podUidOf(segment);
      if (uid != null) {
        podUid = uid;
      }
    }
    return containerId == null && podUid == null
        ? NONE
        : new ContainerIdentity(containerId, podUid);
  }

  private static String containerIdOf(String segment) {
    String name = segment.endsWith(".scope") ? segment.substring(0, segment.length() - 6) : segment;
    if (name.length() == CONTAINER_ID_LENGTH && isHex(name)) {
      return name;
    }
    for (String prefix : SCOPE_PREFIXES) {
      if (segment.endsWith(".scope")
          && name.startsWith(prefix)
          && name.length() == prefix.length() + CONTAINER_ID_LENGTH
          && isHex(name.substring(prefix.length()))) {
        return name.substring(prefix.length());
      }
    }
    return null;
  }

  private static String podUidOf(String segment) {
    String candidate = null;
    if (segment.startsWith("pod")) {
      candidate = segment.substring(3);
    } else if (segment.startsWith("kubepods-") && segment.endsWith(".slice")) {
      int pod = segment.lastIndexOf("-pod");
      if (pod >= 0) {
        candidate = segment.substring(pod + 4, segment.length() - 6).replace('_', '-');
      }
    }
    return candidate != null && isPodUid(candidate) ? candidate : null;
  }

  /** A UUID (8-4-4-4-12 hex), or the 32-hex hash the kubelet gives static pods as their uid. */
  private static boolean isPodUid(String s) {
    if (s.length() == 32) {
      return isHex(s);
    }
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? s.charAt(i) != '-' : !isHexDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isHexDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
}
