#!/usr/bin/env bash
# Ledger export and import benchmark: time, size and heap of GET /api/ledger.xlsx (today, at a past date) and .csv at
# each size, then of POST /api/ledger/import with each file, back to the same server and into an empty one.
# The heap is capped at 1 GiB (JAVA_OPTS overrides): the 100k data set and engine take a few hundred MiB, the export must fit beside them.
# Usage: bench/ledger.sh [sizes=10000,100000] [repeat=3] [steps=export,import]
# PLANCHECK_* variables configure the servers (PLANCHECK_REQUEST_TIMEOUT_MS=900000 on a loaded machine).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
# maven-dependency-plugin 2.8 is the version Maven 3.8 binds by default; pinned so the command does not drift
mvn -q org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java ${JAVA_OPTS:--Xmx1g} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    plancheck.bench.LedgerBench "$@"
