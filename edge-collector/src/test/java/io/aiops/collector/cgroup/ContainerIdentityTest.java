package io.aiops.collector.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContainerIdentityTest {
  private static final String ID =
      "3f4e5d6c7b8a99887766554433221100ffeeddccbbaa00112233445566778899";
  private static final String UID = "1f2e3d4c-5b6a-7980-1a2b-3c4d5e6f7a8b";
  private static final String UID_UNDERSCORED = UID.replace('-', '_');

  private static void assertIdentity(String containerId, String podUid, String cgroupPath) {
    assertEquals(
        new ContainerIdentity(containerId, podUid),
        ContainerIdentity.fromCgroupPath(cgroupPath),
        cgroupPath);
  }

  @Test
  void readsDockerContainersUnderEitherCgroupDriver() {
    assertIdentity(ID, null, "/docker/" + ID);
    assertIdentity(ID, null, "/system.slice/docker-" + ID + ".scope");
  }

  @Test
  void readsContainerdCriOAndPodmanScopes() {
    assertIdentity(ID, null, "/system.slice/cri-containerd-" + ID + ".scope");
    assertIdentity(ID, null, "/machine.slice/crio-" + ID + ".scope");
    assertIdentity(ID, null, "/machine.slice/libpod-" + ID + ".scope");
    assertIdentity(ID, null, "/machine.slice/libpod-" + ID + ".scope/container");
  }

  @Test
  void readsPodAndContainerUnderTheKubeletsCgroupfsDriver() {
    assertIdentity(ID, UID, "/kubepods/burstable/pod" + UID + "/" + ID);
    assertIdentity(ID, UID, "/kubepods/pod" + UID + "/" + ID);
    assertIdentity(null, UID, "/kubepods/besteffort/pod" + UID);
  }

  @Test
  void readsPodUidWithDashesFromTheSystemdDriversUnderscores() {
    String burstable = "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod";
    assertIdentity(ID, UID, burstable + UID_UNDERSCORED + ".slice/cri-containerd-" + ID + ".scope");
    assertIdentity(
        ID, UID, "/kubepods.slice/kubepods-pod" + UID_UNDERSCORED + ".slice/crio-" + ID + ".scope");
    assertIdentity(
        null,
        UID,
        "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod"
            + UID_UNDERSCORED
            + ".slice");
  }

  @Test
  void readsTheHashThatStaticPodsHaveAsUid() {
    String staticUid = "8e3d5c3e9a1b4f6d8c2e7a9b1d3f5e7a";
    assertIdentity(ID, staticUid, "/kubepods/burstable/pod" + staticUid + "/" + ID);
  }

  @Test
  void takesTheInnermostContainerOfNestedOnes() {
    String inner = "a".repeat(64);
    assertIdentity(inner, null, "/docker/" + ID + "/docker/" + inner);
  }

  @Test
  void findsNoContainerInServicesMonitorsAndLookalikes() {
    assertEquals(ContainerIdentity.NONE, ContainerIdentity.fromCgroupPath("/"));
    assertEquals(ContainerIdentity.NONE, ContainerIdentity.fromCgroupPath(null));
    assertIdentity(null, null, "/system.slice/nginx.service");
    assertIdentity(null, null, "/machine.slice/libpod-conmon-" + ID + ".scope");
    assertIdentity(null, null, "/machine.slice/crio-conmon-" + ID + ".scope");
    assertIdentity(null, null, "/docker/" + ID.substring(1));
    assertIdentity(null, null, "/docker/" + ID.toUpperCase());
    assertIdentity(null, null, "/process_api/6dfa3bd0e567a84c2c9ca8af55c2bc27");
    assertIdentity(null, null, "/user.slice/podman-pause.scope");
    assertIdentity(null, null, "/kubepods/burstable/pod1234");
  }
}
