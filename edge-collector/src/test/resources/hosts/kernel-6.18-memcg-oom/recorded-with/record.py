#!/usr/bin/env python3
"""Records a host tree around a real memcg OOM kill on the machine it runs on (root, cgroup v1
memory controller writable).

A 96 MiB memory cgroup holds two processes: `sleep` (a bystander) and a Python process that leaks
4 MiB every 100 ms until the kernel kills it. vmstat is read when the leak starts (vmstat.earlier)
and again 10 s later (vmstat), when the kill is over; then the rest of /proc for the survivors,
the cgroup's files, and every kernel log record since the leak started, raw, as /dev/kmsg
returned them (dev/kmsg). Usage: record.py TARGET_DIR
"""
import os, shutil, subprocess, sys, time

target = os.path.abspath(sys.argv[1])
own = open('/proc/self/cgroup').read()
memory_path = [l.split(':', 2)[2].strip() for l in own.splitlines() if ':memory:' in l][0]
cgroup_rel = memory_path.strip('/') + '/aiops-oom-demo'
cgroup = '/sys/fs/cgroup/memory/' + cgroup_rel
os.makedirs(cgroup, exist_ok=True)
open(cgroup + '/memory.limit_in_bytes', 'w').write(str(96 << 20))


def kmsg_records():
  fd = os.open('/dev/kmsg', os.O_RDONLY | os.O_NONBLOCK)
  records = []
  try:
    while True:
      try:
        records.append(os.read(fd, 8192))
      except BlockingIOError:
        return records
      except OSError:  # EPIPE: a record was overwritten while reading
        continue
  finally:
    os.close(fd)


def in_cgroup(argv):
  return subprocess.Popen(['sh', '-c', 'echo $$ > %s/cgroup.procs; exec "$@"' % cgroup, 'sh'] + argv)


last_seq = int(kmsg_records()[-1].split(b',')[1])
bystander = in_cgroup(['sleep', '1000'])
idle_jvm = subprocess.Popen(['java', '-Xmx64m', '-XX:+UseSerialGC', os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../kernel-6.18-recorded-smaps/recorded-with/Idle.java')], stdout=subprocess.DEVNULL)
time.sleep(4)  # the JVM compiles Idle.java and starts
shutil.copy('/proc/vmstat', '/tmp/vmstat.earlier')
leaker = in_cgroup(['python3', '-c',
                    'import time\nleak = []\nwhile True:\n  leak.append(bytearray(4 << 20))\n  time.sleep(0.1)'])
time.sleep(10)
print('leaker exit', leaker.wait(), file=sys.stderr)

proc = target + '/proc'
os.makedirs(proc, exist_ok=True)
shutil.copy('/tmp/vmstat.earlier', proc + '/vmstat.earlier')
for name in ['meminfo', 'vmstat', 'buddyinfo', 'slabinfo', 'stat', 'pressure/memory', 'net/sockstat',
             'sys/kernel/hostname', 'sys/kernel/random/boot_id', 'sys/vm/swappiness',
             'sys/vm/dirty_ratio', 'sys/vm/dirty_background_ratio', 'sys/vm/dirty_bytes',
             'sys/vm/dirty_background_bytes', 'sys/vm/min_free_kbytes', 'sys/vm/vfs_cache_pressure',
             'sys/vm/overcommit_memory', 'sys/vm/panic_on_oom']:
  os.makedirs(os.path.dirname(proc + '/' + name), exist_ok=True)
  open(proc + '/' + name, 'wb').write(open('/proc/' + name, 'rb').read())
for pid in [1, bystander.pid, idle_jvm.pid]:
  d = '%s/%d' % (proc, pid)
  os.makedirs(d + '/fd', exist_ok=True)
  for name in ['status', 'stat', 'statm', 'cmdline', 'cgroup', 'smaps', 'smaps_rollup', 'oom_score', 'oom_score_adj']:
    try:
      content = open('/proc/%d/%s' % (pid, name), 'rb').read()
    except PermissionError:
      continue  # the sandbox's pid 1 keeps its memory map even from root: left out, as on a host
    open(d + '/' + name, 'wb').write(content)
  try:
    for fd in os.listdir('/proc/%d/fd' % pid):
      open(d + '/fd/' + fd, 'w').close()
  except PermissionError:
    pass
os.makedirs(proc + '/self', exist_ok=True)
open(proc + '/self/smaps', 'w').write(''.join(open('/proc/self/smaps').readlines()[:24]))
shutil.copy('/proc/self/smaps_rollup', proc + '/self/smaps_rollup')
for rel in [cgroup_rel, memory_path.strip('/')]:
  d = target + '/sys/fs/cgroup/memory/' + rel
  os.makedirs(d, exist_ok=True)
  for name in sorted(os.listdir('/sys/fs/cgroup/memory/' + rel)):
    path = '/sys/fs/cgroup/memory/%s/%s' % (rel, name)
    if os.path.isfile(path) and (name.startswith('memory.') or name in ('cgroup.procs', 'tasks')):
      try:
        open(d + '/' + name, 'wb').write(open(path, 'rb').read())
      except OSError:
        pass  # write-only (memory.force_empty) or refused on this kernel
os.makedirs(target + '/etc', exist_ok=True)
# The machine's identity as kernel-6.18-recorded-smaps has it: the same machine, the same boot.
open(target + '/etc/machine-id', 'w').write('5d0c9f6e2a4b4c8d9e1f0a2b3c4d5e6f\n')
open(proc + '/sys/kernel/hostname', 'w').write('build-01\n')
os.makedirs(target + '/dev', exist_ok=True)
with open(target + '/dev/kmsg', 'wb') as out:
  for r in kmsg_records():
    if int(r.split(b',')[1]) > last_seq:
      out.write(r)

for p in (bystander, idle_jvm):
  p.kill()
  p.wait()
time.sleep(0.5)
os.rmdir(cgroup)
print('recorded', target, 'cgroup', cgroup_rel, 'bystander', bystander.pid, 'jvm', idle_jvm.pid, file=sys.stderr)
