#!/usr/bin/env bash
# plancheck side by side with plain SQL on the same PostgreSQL and the same deterministic data set (made-up sample
# data, see src/test/java/plancheck/bench/VersusSql.java): N commitments over D streets, plan years 2023-2025,
# 0-6 results each. Loads it by COPY into schema vs_plancheck (plancheck's own tables, after its migrations) and into
# schema vs_sql (plain tables and a status view computed per request), then measures in one run:
#   one commitment's status, a street's scorecard for 2025 (C connections), the whole-year 2025 scorecard (one
#   connection; also right after a write), a 区's scorecard asOf a past date (computed, one connection), a
#   durable result posted with its fresh status (C connections);
#   plancheck's time from start to ready (from the store) and heap per commitment (live objects after a full GC).
# plancheck is driven over HTTP by wrk, plain SQL over JDBC by a Java client with one connection per thread. The
# server is stopped before the SQL side runs, so each side has the machine to itself.
# Usage: bench/versus-sql.sh [n=1000000] [districts=10000] [seconds=10] [connections=32]
# PostgreSQL: 127.0.0.1:5432, user postgres, database test (trust). JAVA_OPTS: the server's JVM options
# (default -Xms2g -Xmx12g -XX:+UseParallelGC). Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
N=1000000; D=10000; SECS=10; C=32
for a in "$@"; do case "$a" in
  n=*) N=${a#*=} ;; districts=*) D=${a#*=} ;; seconds=*) SECS=${a#*=} ;; connections=*) C=${a#*=} ;;
  *) echo "unknown argument $a" >&2; exit 2 ;; esac; done
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
OPTS=${JAVA_OPTS:--Xms2g -Xmx12g -XX:+UseParallelGC}
URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=vs_plancheck"
PORT=18124
mvn -q -B package -DskipTests
mvn -q org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"
OUT=$(mktemp -d)
SERVER=
trap '[ -n "$SERVER" ] && kill $SERVER 2>/dev/null; wait 2>/dev/null; rm -rf "$OUT"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "before: $(uptime)"
echo "data set: $N commitments over $D streets; server JVM: $OPTS"

java -Xmx2g -cp "$CP" plancheck.bench.VersusSql load n=$N districts=$D | tee "$OUT/figures"
TOKEN=$(java -jar target/plancheck.jar users add vs-admin --role admin --jdbc-url "$URL" --jdbc-user postgres | tail -1)

start=$(date +%s.%N)
java $OPTS -jar target/plancheck.jar serve --host 127.0.0.1 --port $PORT --no-reference-data \
    --jdbc-url "$URL" --jdbc-user postgres > "$OUT/server.log" 2>&1 &
SERVER=$!
until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do
  kill -0 $SERVER 2>/dev/null || { cat "$OUT/server.log"; exit 1; }
  sleep 0.2
done
echo "pc.ready.seconds $(printf %.1f "$(echo "$(date +%s.%N) - $start" | bc)")" | tee -a "$OUT/figures"
heap=$(jcmd $SERVER GC.class_histogram | awk '/^Total/{print $3}')
echo "pc.heap.bytes.per.commitment $((heap / N))" | tee -a "$OUT/figures"
curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/scorecard?year=2025" \
  | python3 -c 'import json,sys; s=json.load(sys.stdin); print("pc.year2025.byStatus", {k: v for k, v in sorted(s["byStatus"].items()) if v})' \
  | tee -a "$OUT/figures"

wrk_run() { # name what connections seconds
  export PLANCHECK_TOKEN=$TOKEN VS_WHAT=$2 VS_N=$N VS_DISTRICTS=$D
  wrk -t1 -c"$3" -d"$(( $4 / 3 + 1 ))s" -s bench/wrk-vs.lua "http://127.0.0.1:$PORT" >/dev/null   # warm-up
  local cpu0; cpu0=$(awk '{print $14 + $15}' /proc/$SERVER/stat)
  wrk -t1 -c"$3" -d"${4}s" --latency -s bench/wrk-vs.lua "http://127.0.0.1:$PORT" > "$OUT/$1.wrk"
  local cpu1; cpu1=$(awk '{print $14 + $15}' /proc/$SERVER/stat)
  # the server's CPU time per request (user + system, clock ticks of 10 ms): what the load of the machine does not skew
  awk -v k="$1" -v t=$((cpu1 - cpu0)) '/requests in/ { printf "%s.cpu %.3f\n", k, t * 10 / $1 }' "$OUT/$1.wrk" \
    | tee -a "$OUT/figures"
  [ -n "${VERBOSE:-}" ] && cat "$OUT/$1.wrk" >&2
  grep -E "Non-2xx|Socket errors" "$OUT/$1.wrk" >&2 || true
  awk -v k="$1" 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { printf "%s.rps %.0f\n", k, $2 }
    /^ +50%/ { printf "%s.p50 %.2f\n", k, ms($2) } /^ +99%/ { printf "%s.p99 %.2f\n", k, ms($2) }' "$OUT/$1.wrk" \
    | tee -a "$OUT/figures"
}
echo "load before plancheck measures: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk_run pc.status evaluation "$C" "$SECS"
wrk_run pc.district district "$C" "$SECS"
wrk_run pc.year year 1 "$(( SECS > 5 ? SECS : 5 ))"
wrk_run pc.asof asof 1 "$(( SECS > 5 ? SECS : 5 ))"
# the whole-year scorecard right after a write (nothing kept from before): median of 7
for i in 1 2 3 4 5 6 7; do
  curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
    -d '{"value":1,"asOf":"2025-12-31","sample":true}' "http://127.0.0.1:$PORT/api/commitments/v$((3 * i + 2))/results"
  curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/scorecard?year=2025"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END { printf "pc.yearfresh.p50 %.1f\n", t[4] }' | tee -a "$OUT/figures"
wrk_run pc.post post "$C" "$SECS"
kill $SERVER; wait $SERVER 2>/dev/null || true; SERVER=

echo "load before SQL measures: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx2g -cp "$CP" plancheck.bench.VersusSql sql n=$N districts=$D seconds=$SECS connections=$C \
  | tee -a "$OUT/figures"
echo "after: $(uptime)"

f() { awk -v k="$1" '$1 == k { print $2 }' "$OUT/figures"; }
echo
echo "| measure | plancheck (HTTP) | plancheck server CPU per request | plain SQL (JDBC) | target |"
echo "|---|---|---|---|---|"
echo "| one commitment's status | $(f pc.status.rps) req/s, p50 $(f pc.status.p50) / p99 $(f pc.status.p99) ms | $(f pc.status.cpu) ms | $(f sql.status.rps) req/s, p50 $(f sql.status.p50) / p99 $(f sql.status.p99) ms | ≥ 50k req/s, p99 ≤ 5 ms |"
echo "| street scorecard, 2025 ($C connections) | $(f pc.district.rps) req/s, p50 $(f pc.district.p50) / p99 $(f pc.district.p99) ms | $(f pc.district.cpu) ms | $(f sql.district.rps) req/s, p50 $(f sql.district.p50) / p99 $(f sql.district.p99) ms | ≥ 30k req/s |"
echo "| whole-year scorecard, 2025 (1 connection) | $(f pc.year.rps) req/s, p50 $(f pc.year.p50) / p99 $(f pc.year.p99) ms | $(f pc.year.cpu) ms | p50 $(f sql.year.p50) / max $(f sql.year.p99) ms (5 in a row) | ≤ 5 ms |"
echo "| whole-year scorecard right after a write (curl, median of 7) | p50 $(f pc.yearfresh.p50) ms | | (as above) | ≤ 5 ms |"
echo "| 区 scorecard, 2025, asOf=2025-06-30 (computed; 1 connection) | $(f pc.asof.rps) req/s, p50 $(f pc.asof.p50) / p99 $(f pc.asof.p99) ms | $(f pc.asof.cpu) ms | – | – |"
echo "| durable result POST with fresh status ($C connections) | $(f pc.post.rps) req/s, p50 $(f pc.post.p50) / p99 $(f pc.post.p99) ms | $(f pc.post.cpu) ms | $(f sql.post.rps) req/s, p50 $(f sql.post.p50) / p99 $(f sql.post.p99) ms | p50 ≤ 2 ms at ≥ 5k req/s |"
echo "| start from the store to ready | $(f pc.ready.seconds) s | | – | ≤ 10 s |"
echo "| heap per commitment (live, after full GC) | $(f pc.heap.bytes.per.commitment) B | | – | ≤ 1 KB |"
echo
echo "data: $(f load.commitments) commitments, $(f load.results) results, $(f load.districts) districts; COPY into both schemas $(f load.copy.seconds) s"
grep byStatus "$OUT/figures"
