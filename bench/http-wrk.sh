#!/usr/bin/env bash
# HTTP load run with wrk as a separate load-generator process, against 127.0.0.1 only, bounded in time.
# Starts the built jar on a fresh temporary H2 database, loads N commitments (ids w0..wN-1) through
# POST /api/commitments/batch, then measures GET /api/evaluations/{id} and durable POST .../results.
# Usage: bench/http-wrk.sh [commitments=100000] [seconds=15] [connections=32]
# JAVA_OPTS overrides the server's JVM options (default: -Xms4g -Xmx4g -XX:+UseZGC). Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
N=100000; SECONDS_EACH=15; CONNECTIONS=32
for a in "$@"; do case "$a" in
  commitments=*) N=${a#*=} ;; seconds=*) SECONDS_EACH=${a#*=} ;; connections=*) CONNECTIONS=${a#*=} ;;
  *) echo "unknown argument $a" >&2; exit 2 ;; esac; done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
[ -f target/plancheck.jar ] || mvn -q -B package -DskipTests
PORT=18123
DATA=$(mktemp -d)
java ${JAVA_OPTS:--Xms4g -Xmx4g -XX:+UseZGC} -jar target/plancheck.jar serve --host 127.0.0.1 --port $PORT \
    --no-reference-data --data "$DATA" --max-body-bytes 8388608 > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 1; done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server JVM: ${JAVA_OPTS:--Xms4g -Xmx4g -XX:+UseZGC}"
start=$(date +%s.%N)
python3 - "$PORT" "$N" <<'PY'
import json, sys, urllib.request
port, n = int(sys.argv[1]), int(sys.argv[2])
for lo in range(0, n, 1000):
    items = [{"id": f"w{i}", "district": f"d{i % 10}", "year": 2026, "category": f"c{i % 7}",
              "title": f"新增托位{100 + i % 50}个以上", "kind": "AT_LEAST", "target": 100 + i % 50}
             for i in range(lo, min(n, lo + 1000))]
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/commitments/batch", data=json.dumps(items).encode(),
                                 headers={"Content-Type": "application/json"})
    assert urllib.request.urlopen(req).status == 201
PY
echo "load: $N commitments in $(echo "$(date +%s.%N) - $start" | bc) s"
run() { # name script
  wrk -t1 -c"$CONNECTIONS" -d5s -s "bench/$2" "http://127.0.0.1:$PORT" >/dev/null   # warm-up, not counted
  echo "== $1 ($CONNECTIONS connections, ${SECONDS_EACH}s)"
  wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "bench/$2" "http://127.0.0.1:$PORT" \
    | grep -E "Requests/sec|^ +(50|90|99)%|Non-2xx|Socket errors"
}
run "GET /api/evaluations/{id}" wrk-get.lua
run "POST /api/commitments/{id}/results (durable)" wrk-post.lua
