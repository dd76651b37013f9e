#!/usr/bin/env bash
# Screenshots of the dashboard, the ledger, the import page and a commitment page into docs/screenshots/ (Debian's
# chromium and chromium-driver, and a Chinese font so the glyphs render: installed here when missing, as root).
# Usage: docs/screenshots.sh [folder]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
    || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  echo "screenshots.sh: installing chromium, chromium-driver and fonts-wqy-microhei" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
fi
mvn -q -B -ntp test-compile
mvn -q -B -ntp org.apache.maven.plugins:maven-dependency-plugin:2.8:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/shots.classpath >/dev/null
exec timeout 300 java -cp "target/classes:target/test-classes:$(cat target/shots.classpath)" \
    plancheck.http.Screenshots "$@"
