#!/usr/bin/env bash
# Every test plancheck has. Installs what the tests need when it is missing (Debian's Chromium and ChromeDriver
# for the browser tests, the OpenAPI linter from npm into .tools/), then runs Maven and lints openapi.yaml.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "test.sh: installing chromium and chromium-driver (browser tests)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

REDOCLY=.tools/node_modules/.bin/redocly
if [ ! -x "$REDOCLY" ]; then
  echo "test.sh: installing @redocly/cli (OpenAPI lint) into .tools/" >&2
  npm install --silent --no-audit --no-fund --prefix .tools @redocly/cli@2.77.0 >/dev/null
fi

mvn -B -ntp verify "$@"
"$REDOCLY" lint --format=stylish src/main/resources/openapi.yaml
