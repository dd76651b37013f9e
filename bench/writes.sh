#!/usr/bin/env bash
# Writes that must not block each other: single-result POST p50/p99 alone and while 10k-result batches run through
# POST /api/results/batch; then the H2 file size under a stream of single-result commits (127.0.0.1 only).
# Usage: bench/writes.sh [commitments=20000] [batch=10000] [batches=3] [smallConnections=4] [commits=200000] [decisions=1]
# decisions=0 runs without the decision log (serve has it on).
# JAVA_OPTS overrides the JVM options (default -Xms2g -Xmx2g -XX:+UseParallelGC).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
# maven-dependency-plugin 2.8 is the version Maven 3.8 binds by default; pinned so the command does not drift
mvn -q org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec timeout 900 java ${JAVA_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    plancheck.bench.WriteBench "$@"
