#!/usr/bin/env bash
# What the collector costs a host, next to the exporters people already run there.
#
# Runs, for DURATION seconds on this machine with ~300 processes:
#   - the standalone collector jar at a 10 s interval, publishing to a real broker (aiops up);
#   - prometheus-node-exporter and prometheus-process-exporter (all processes grouped by comm);
# scrapes all three every 10 s with curl, samples each one's /proc/<pid>/stat (utime+stime),
# status (VmRSS, VmHWM) and io (write_bytes) every SAMPLE_EVERY seconds, and prints
# RSS avg/max, CPU % of one core and disk writes per hour for each.
#
# Acceptance: collector RSS <= 80 MiB, CPU <= 1 % of one core, disk writes <= 20 MB/hour.
#
# Usage: infra/bench/collector-cost.sh            (10 minutes)
#        DURATION=180 infra/bench/collector-cost.sh
# The collector runs with its class-data archive, built first as the systemd unit's ExecStartPre
# builds it (the one-time build and the per-start check are reported on their own line).
# Environment: DURATION (600), SAMPLE_EVERY (5), TARGET_PROCESSES (300), WARMUP (30, seconds
# left out of the steady-state CPU column), COLLECTOR_JAVA_OPTS (the systemd unit's flags),
# KAFKA_PORT/REGISTRY_PORT/API_PORT/COLLECTOR_METRICS_PORT/NODE_EXPORTER_PORT/PROCESS_EXPORTER_PORT.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DURATION=${DURATION:-600}
SAMPLE_EVERY=${SAMPLE_EVERY:-5}
WARMUP=${WARMUP:-30}
TARGET_PROCESSES=${TARGET_PROCESSES:-300}
KAFKA_PORT=${KAFKA_PORT:-19092}
REGISTRY_PORT=${REGISTRY_PORT:-18081}
API_PORT=${API_PORT:-18080}
COLLECTOR_METRICS_PORT=${COLLECTOR_METRICS_PORT:-19465}
NODE_EXPORTER_PORT=${NODE_EXPORTER_PORT:-19100}
PROCESS_EXPORTER_PORT=${PROCESS_EXPORTER_PORT:-19256}
work=$(mktemp -d /tmp/aiops-collector-cost.XXXXXX)
archive="$work/aiops-collector.jsa"
# Keep in step with infra/deploy/systemd/aiops-collector.service and the DaemonSet.
COLLECTOR_JAVA_OPTS=${COLLECTOR_JAVA_OPTS:--XX:SharedArchiveFile=$archive -Xms8m -Xmx24m -Xmn3m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:Tier3InvocationThreshold=2000 -XX:Tier3MinInvocationThreshold=1000 -XX:Tier3CompileThreshold=20000 -XX:Tier3BackEdgeThreshold=600000 -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=64m -XX:MaxDirectMemorySize=16m -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError}
CLK_TCK=$(getconf CLK_TCK)

started=()          # every pid this script started, ended by pid at exit
trap 'for p in "${started[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

say() { echo "bench: $*" >&2; }

need() {
  if ! command -v "$1" >/dev/null; then
    say "installing $2"
    apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
  fi
}
need prometheus-node-exporter prometheus-node-exporter
need prometheus-process-exporter prometheus-process-exporter
need curl curl

collector_jar="$here/edge-collector/target/aiops-collector.jar"
if [[ ! -f "$collector_jar" || ! -f "$here/cli/target/aiops.jar" ]]; then
  say "building the jars (mvn package, no tests)"
  (cd "$here" && mvn -B -q -o -DskipTests -Dspotless.check.skip=true package -pl cli -am) >&2
fi

# The class-data archive, as the systemd unit's ExecStartPre builds it: once after an install or
# an upgrade, then only checked at each start. Both costs are reported, not counted in the table.
cpu_of() { # command...: prints the user+sys CPU seconds it took
  local TIMEFORMAT='%U %S'
  { time "$@" >/dev/null 2>&1; } 2>&1 | awk '{ printf "%.2f", $1 + $2 }'
}
archive_tool=("$here/infra/deploy/cds/collector-class-archive" "$collector_jar" "$here/infra/deploy/cds/aiops-collector.classlist" "$archive")
archive_build_cpu=$(cpu_of "${archive_tool[@]}")
archive_check_cpu=$(cpu_of "${archive_tool[@]}")
[[ -f "$archive" ]] || { say "the class-data archive was not built: ${archive_tool[*]}"; exit 1; }

wait_http() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    ((SECONDS < deadline)) || { say "$1 did not answer within $2 s"; exit 1; }
    sleep 1
  done
}

# --- ~300 processes: idle sleepers, and some holding memory above the collector's RSS floor -----
count_processes() { ls /proc | grep -c '^[0-9]'; }
have=$(count_processes)
holders=20
if ((have < TARGET_PROCESSES)); then
  missing=$((TARGET_PROCESSES - have))
  say "starting $missing idle processes ($have running; $holders of them hold 24 MiB each)"
  for ((i = 0; i < missing; i++)); do
    if ((i < holders)); then
      python3 -c 'import time; held = b"x" * (24 << 20); time.sleep(10**6)' &
    else
      sleep 1000000 &
    fi
    started+=($!)
  done
fi

# --- the broker: aiops up on its own ports, nothing simulated, no collector of its own ----------
say "starting a broker and registry (aiops up) on $KAFKA_PORT / $REGISTRY_PORT"
AIOPS_JAVA_OPTS="-Xmx1g" "$here/aiops" up --no-local-collector --data-dir "$work/up" \
  --kafka-port "$KAFKA_PORT" --registry-port "$REGISTRY_PORT" --api-port "$API_PORT" \
  --duration "$((DURATION + WARMUP + 300))s" >"$work/up.log" 2>&1 &
started+=($!)
wait_http "http://localhost:$REGISTRY_PORT/subjects" 180

# --- the three measured processes ---------------------------------------------------------------
cat >"$work/process-exporter.yml" <<'YAML'
process_names:
  - name: "{{.Comm}}"
    cmdline:
      - '.+'
YAML
say "starting the collector, node_exporter and process-exporter"
# shellcheck disable=SC2086
MALLOC_ARENA_MAX=1 java $COLLECTOR_JAVA_OPTS -jar "$collector_jar" \
  --bootstrap-servers "localhost:$KAFKA_PORT" --schema-registry-url "http://localhost:$REGISTRY_PORT" \
  --interval 10s --metrics-port "$COLLECTOR_METRICS_PORT" --spool-dir "$work/spool" \
  >"$work/collector.log" 2>&1 &
collector=$!
started+=($collector)
prometheus-node-exporter --web.listen-address="127.0.0.1:$NODE_EXPORTER_PORT" >"$work/node-exporter.log" 2>&1 &
node_exporter=$!
started+=($node_exporter)
prometheus-process-exporter -web.listen-address "127.0.0.1:$PROCESS_EXPORTER_PORT" \
  -config.path "$work/process-exporter.yml" >"$work/process-exporter.log" 2>&1 &
process_exporter=$!
started+=($process_exporter)

wait_http "http://127.0.0.1:$COLLECTOR_METRICS_PORT/metrics" 60
wait_http "http://127.0.0.1:$NODE_EXPORTER_PORT/metrics" 30
wait_http "http://127.0.0.1:$PROCESS_EXPORTER_PORT/metrics" 30

# Prometheus's part: a scrape of each every 10 s.
(
  while true; do
    for port in $COLLECTOR_METRICS_PORT $NODE_EXPORTER_PORT $PROCESS_EXPORTER_PORT; do
      curl -sf -o /dev/null "http://127.0.0.1:$port/metrics" || true
    done
    sleep 10
  done
) &
started+=($!)

# --- measuring ------------------------------------------------------------------------------------
# One line per process per sample: name elapsed_s cpu_ticks rss_kb hwm_kb write_bytes age_s
# (age: seconds since the process started, so the first column of CPU includes its start-up).
reading() { # name pid t0
  local stat status io ticks rss hwm wb age uptime
  stat=$(cat "/proc/$2/stat" 2>/dev/null) || return 0
  stat=${stat##*) }                      # fields from 3 on; comm may hold spaces
  read -r -a f <<<"$stat"
  ticks=$((f[11] + f[12]))               # utime (14) + stime (15)
  read -r uptime _ </proc/uptime
  age=$(awk -v u="$uptime" -v s="${f[19]}" -v t="$CLK_TCK" 'BEGIN { printf "%.2f", u - s / t }')  # starttime (22)
  status=$(cat "/proc/$2/status")
  rss=$(awk '/^VmRSS:/ {print $2}' <<<"$status")
  hwm=$(awk '/^VmHWM:/ {print $2}' <<<"$status")
  io=$(cat "/proc/$2/io" 2>/dev/null || echo "write_bytes: 0")
  wb=$(awk '/^write_bytes:/ {print $2}' <<<"$io")
  echo "$1 $((SECONDS - $3)) $ticks $rss $hwm $wb $age"
}
processes_now=$(count_processes)
say "measuring for $DURATION s with $processes_now processes on this host (a reading every $SAMPLE_EVERY s)"
# Hypervisor steal inflates every process's CPU figure (ticks are charged to whoever was running
# when the vCPU was taken away): 24–30 % steal once doubled the collector's column. Reported below.
host_cpu() { head -1 /proc/stat; } # cpu user nice system idle iowait irq softirq steal ...
cpu_before=$(host_cpu)
t0=$SECONDS
while ((SECONDS - t0 <= DURATION)); do
  for p in collector:$collector node_exporter:$node_exporter process-exporter:$process_exporter; do
    kill -0 "${p#*:}" 2>/dev/null || { say "${p%%:*} died; see $work"; exit 1; }
    reading "${p%%:*}" "${p#*:}" "$t0" >>"$work/readings"
  done
  sleep "$SAMPLE_EVERY"
done

cpu_after=$(host_cpu)
steal_pct=$(awk -v a="$cpu_before" -v b="$cpu_after" 'BEGIN {
  n = split(a, x, " "); split(b, y, " "); total = 0
  for (i = 2; i <= 9 && i <= n; i++) total += y[i] - x[i]  # guest time is already in user
  printf "%.1f", (total > 0 ? 100 * (y[9] - x[9]) / total : 0) }')
sent=$(curl -sf "http://127.0.0.1:$COLLECTOR_METRICS_PORT/metrics" | awk '/^aiops_collector_samples_sent_total / {print $2}')
processes_sampled=$(curl -sf "http://127.0.0.1:$COLLECTOR_METRICS_PORT/metrics" | awk '/^aiops_collector_processes_sampled / {print $2}')
rounds=$(curl -sf "http://127.0.0.1:$COLLECTOR_METRICS_PORT/metrics" | awk '/^aiops_collector_collection_duration_seconds_(sum|count) / {print $2}' | paste -sd' ')

echo
echo "collector-cost: $DURATION s, $processes_now processes, 10 s interval and scrape; JVM: $COLLECTOR_JAVA_OPTS"
echo "class-data archive: built once in $archive_build_cpu s of CPU, checked at each start in $archive_check_cpu s (ExecStartPre; not in the table)"
echo "host: hypervisor steal $steal_pct % of CPU time during the measurement (above a few %, every CPU figure below is inflated; rerun in a quiet stretch)"
echo "collector: $sent samples acknowledged by the broker, $processes_sampled processes in the last sample, round time sum/count: $rounds"
awk -v tck="$CLK_TCK" -v warm="$WARMUP" '
  { n = $1; t = $2; c = $3; r = $4; h = $5; w = $6; a = $7
    if (!(n in first_t)) { first_t[n] = t; first_c[n] = c; first_w[n] = w; order[++k] = n }
    if (t >= warm && !(n in warm_t)) { warm_t[n] = t; warm_c[n] = c; warm_w[n] = w }
    last_t[n] = t; last_c[n] = c; last_w[n] = w; last_a[n] = a
    sum_r[n] += r; cnt[n]++; if (r > max_r[n]) max_r[n] = r; if (h > hwm[n]) hwm[n] = h }
  END {
    printf "%-17s %12s %12s %12s %12s %15s %15s %16s\n", "process", "RSS avg MiB", "RSS max MiB", "peak (HWM)", "CPU % (all)", "CPU % (steady)", "writes MB/hour", "writes (steady)"
    for (i = 1; i <= k; i++) { n = order[i]
      span = last_t[n] - first_t[n]; steady = last_t[n] - warm_t[n]
      cpu_all = last_a[n] > 0 ? 100 * last_c[n] / tck / last_a[n] : 0
      cpu_steady = steady > 0 ? 100 * (last_c[n] - warm_c[n]) / tck / steady : 0
      writes = span > 0 ? (last_w[n] - first_w[n]) / span * 3600 / 1e6 : 0
      writes_steady = steady > 0 ? (last_w[n] - warm_w[n]) / steady * 3600 / 1e6 : 0
      printf "%-17s %12.1f %12.1f %12.1f %12.2f %15.2f %15.2f %16.2f\n", n, sum_r[n] / cnt[n] / 1024, max_r[n] / 1024, hwm[n] / 1024, cpu_all, cpu_steady, writes, writes_steady }
  }' "$work/readings"
echo "(CPU % (all): every tick since the process started, start-up included; steady: from $WARMUP s into the measurement. Writes: /proc/<pid>/io write_bytes. Logs: $work)"
