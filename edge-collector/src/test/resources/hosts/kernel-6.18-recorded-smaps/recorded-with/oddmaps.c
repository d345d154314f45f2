/* A small C program with the mappings inspect memory flags: a deleted file still mapped, a large
   SysV segment, anonymous shared memory, a memfd, a writable+executable page, a huge anonymous
   region, a named anonymous region and a heap. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <unistd.h>
#ifndef PR_SET_VMA
#define PR_SET_VMA 0x53564d41
#define PR_SET_VMA_ANON_NAME 0
#endif
#define RW (PROT_READ | PROT_WRITE)
int main(void) {
  int fd = open("/tmp/cap/scratch.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
  ftruncate(fd, 4 << 20);
  char *f = mmap(NULL, 4 << 20, RW, MAP_SHARED, fd, 0);
  memset(f, 1, 1 << 20);
  unlink("/tmp/cap/scratch.dat");
  int id = shmget(IPC_PRIVATE, 1536UL << 20, IPC_CREAT | 0600);
  char *s = shmat(id, NULL, 0);
  memset(s, 2, 8 << 20);
  shmctl(id, IPC_RMID, NULL);
  char *a = mmap(NULL, 2 << 20, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  memset(a, 3, 1 << 20);
  int mfd = memfd_create("ring", 0);
  ftruncate(mfd, 1 << 20);
  char *r = mmap(NULL, 1 << 20, RW, MAP_SHARED, mfd, 0);
  memset(r, 6, 512 << 10);
  char *x = mmap(NULL, 64 << 10, RW | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  memset(x, 0xc3, 4096);
  size_t big = 1100UL << 20;
  char *h = mmap(NULL, big, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  memset(h, 4, big);
  char *n = mmap(NULL, 256 << 10, RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, (unsigned long)n, 256 << 10, "scratch-arena");
  memset(n, 7, 128 << 10);
  char *m = malloc(256 << 10);
  memset(m, 5, 256 << 10);
  printf("ready\n");
  fflush(stdout);
  pause();
  return 0;
}
