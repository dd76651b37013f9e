#!/usr/bin/env bash
# HTTP load run against 127.0.0.1 only, bounded in time: loads N commitments through POST /api/commitments/batch,
# then measures GET /api/evaluations/{id} and durable POST /api/commitments/{id}/results (closed loop, throughput,
# p50/p99). Without url=... it starts its own server in the same JVM on a fresh temporary H2 database.
# Usage: bench/http.sh [commitments=100000] [seconds=15] [getConnections=32] [postConnections=32] [only=get,post] [url=http://127.0.0.1:8080]
# JAVA_OPTS overrides the JVM options (default -Xms4g -Xmx4g).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
# maven-dependency-plugin 2.8 is the version Maven 3.8 binds by default; pinned so the command does not drift
mvn -q org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec timeout 600 java ${JAVA_OPTS:--Xms4g -Xmx4g} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    plancheck.bench.HttpBench "$@"
