#!/usr/bin/env bash
# Commit -> server-sent event at a connected client, p50/p99 (127.0.0.1 only, bounded in count).
# Usage: bench/events.sh [results=2000] [warmup=300]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
mvn -q org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec timeout 600 java -XX:+UseZGC -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    plancheck.http.EventLatencyBench "$@"
