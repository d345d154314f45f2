#!/usr/bin/env bash
# Regenerates infra/deploy/cds/aiops-collector.classlist: the classes the standalone collector
# loads in its first minute (start-up, six collections, publishing to a real broker, the OOM
# watcher, a metrics scrape), from which each host builds its class-data archive
# (infra/deploy/cds/collector-class-archive). Run it after changing what the collector loads;
# CollectorClassArchiveIT fails when the list no longer covers the jar.
#
# Usage: infra/bench/collector-classlist.sh
# Environment: BOOTSTRAP and REGISTRY to use a running broker and registry (otherwise `aiops up`
# is started on KAFKA_PORT/REGISTRY_PORT/API_PORT), SECONDS_RUN (65).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KAFKA_PORT=${KAFKA_PORT:-19093}
REGISTRY_PORT=${REGISTRY_PORT:-18082}
API_PORT=${API_PORT:-18083}
SECONDS_RUN=${SECONDS_RUN:-65}
jar="$here/edge-collector/target/aiops-collector.jar"
out="$here/infra/deploy/cds/aiops-collector.classlist"
work=$(mktemp -d /tmp/aiops-classlist.XXXXXX)
started=()
trap 'for p in "${started[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

[[ -f "$jar" ]] || (cd "$here" && mvn -B -q -o -DskipTests -Dspotless.check.skip=true package -pl cli -am)
if [[ -z "${BOOTSTRAP:-}" ]]; then
  AIOPS_JAVA_OPTS="-Xmx1g" "$here/aiops" up --no-local-collector --data-dir "$work/up" \
    --kafka-port "$KAFKA_PORT" --registry-port "$REGISTRY_PORT" --api-port "$API_PORT" \
    --duration "$((SECONDS_RUN + 300))s" >"$work/up.log" 2>&1 &
  started+=($!)
  BOOTSTRAP="localhost:$KAFKA_PORT"
  REGISTRY="http://localhost:$REGISTRY_PORT"
  until curl -sf -o /dev/null "$REGISTRY/subjects"; do sleep 1; done
fi

# The flags of the systemd unit: the classes loaded depend on the GC and compiler chosen.
java -Xms8m -Xmx24m -Xmn3m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData \
  -XX:DumpLoadedClassList="$work/classlist" -jar "$jar" \
  --bootstrap-servers "$BOOTSTRAP" --schema-registry-url "$REGISTRY" --interval 10s \
  --metrics-port 19469 --spool-dir "$work/spool" >"$work/collector.log" 2>&1 &
collector=$!
started+=($collector)
sleep 15
curl -sf -o /dev/null http://127.0.0.1:19469/metrics || true
sleep $((SECONDS_RUN - 15))
kill "$collector"
wait "$collector" || true
cp "$work/classlist" "$out"
echo "wrote $out: $(grep -vc '^@' "$out") classes, $(grep -c '^@' "$out") lambda and invoker lines" >&2
