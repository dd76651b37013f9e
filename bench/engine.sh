#!/usr/bin/env bash
# Engine benchmark: ruleset build time; load-and-evaluate time and heap for 10k, 100k and 1M commitments (one
# result each); latency from a result update to its fresh evaluation (p50, p99).
# Usage: bench/engine.sh [sizes] [partitions] [updates]   e.g. bench/engine.sh 10000,100000 2 50000
# JAVA_OPTS overrides the JVM options (default -Xms4g -Xmx4g -XX:+UseParallelGC: on 2 cores the throughput
# collector loads 1M commitments in about half the wall time of G1, with p99 update latency still under 100 µs).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
# maven-dependency-plugin 2.8 is the version Maven 3.8 binds by default; pinned so the command does not drift
mvn -q org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java ${JAVA_OPTS:--Xms4g -Xmx4g -XX:+UseParallelGC} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    plancheck.bench.EngineBench "$@"
