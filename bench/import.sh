#!/usr/bin/env bash
# Report import benchmark: precision / recall per document and kind (seeds, tuned corpus, held-out sets), then the
# time to import 1 MB. Runs plain java on the test classpath, so it needs no exec plugin; builds online like bench/engine.sh
# (on a fresh machine maven-dependency-plugin is not in the local repository yet).
# Usage: bench/import.sh [tuning]   (tuning: seeds and tuned corpus only, the held-out sets stay unseen)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
# maven-dependency-plugin 2.8 is the version Maven 3.8 binds by default; pinned so the command does not drift
mvn -q org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java ${JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
    plancheck.bench.ImportBenchmark "$@"
