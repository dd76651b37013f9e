#!/usr/bin/env bash
# Screenshots of the dashboard, the ledger and the import page into docs/screenshots/ (Debian's chromium and
# chromium-driver: ./test.sh installs them when missing). Usage: docs/screenshots.sh [folder]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile
mvn -q -B -ntp org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/shots.classpath >/dev/null
exec timeout 300 java -cp "target/classes:target/test-classes:$(cat target/shots.classpath)" \
    plancheck.http.Screenshots "$@"
