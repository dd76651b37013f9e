#!/usr/bin/env bash
# Reload benchmark: a reload while a writer and a reader keep calling the engine; prints trial and swap time,
# failed calls and the longest wait of a write and of a read.
# Usage: bench/reload.sh [commitments] [partitions] [reloads]   e.g. bench/reload.sh 100000 2 3
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
# maven-dependency-plugin 2.8 is the version Maven 3.8 binds by default; pinned so the command does not drift
mvn -q org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java ${JAVA_OPTS:--Xms4g -Xmx4g -XX:+UseParallelGC} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    plancheck.bench.ReloadBench "$@"
