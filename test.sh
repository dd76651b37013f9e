#!/usr/bin/env bash
# Every test plancheck has, on both stores. Installs what the tests need when it is missing (Debian's Chromium and
# ChromeDriver for the browser tests, the OpenAPI linter from npm into .tools/), runs Maven's verify on the embedded
# H2 store, lints openapi.yaml, then runs the whole test suite again on PostgreSQL (127.0.0.1:5432, database test,
# user postgres: one fresh schema per test data folder, see src/test/java/plancheck/TestStores.java).
#
#   ./test.sh [--skip-postgresql] [maven arguments...]
#
# --skip-postgresql leaves out the PostgreSQL run, for a machine without one; CI never passes it.
set -euo pipefail
cd "$(dirname "$0")"

skip_postgresql=false
maven_args=()
for arg in "$@"; do
  case "$arg" in
    --skip-postgresql) skip_postgresql=true ;;
    *) maven_args+=("$arg") ;;
  esac
done
if [ "$skip_postgresql" = true ] && [ "${CI:-}" = true ]; then
  echo "test.sh: --skip-postgresql is not for CI: CI runs the suite on both stores" >&2
  exit 2
fi

PG_HOST=127.0.0.1 PG_PORT=5432 PG_DATABASE=test PG_USER=postgres
PG_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DATABASE"

postgresql_reachable() {
  if command -v psql >/dev/null; then
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DATABASE" -w -Atqc 'SELECT 1' >/dev/null 2>&1
  else
    # without the client, a TCP connect is all that can be checked here; the tests say more if it is not enough
    (exec 3<>"/dev/tcp/$PG_HOST/$PG_PORT") 2>/dev/null
  fi
}

# Fail before the long H2 run, not after it, when the PostgreSQL run cannot happen.
if [ "$skip_postgresql" = false ] && ! postgresql_reachable; then
  cat >&2 <<MSG
test.sh: PostgreSQL is not reachable at $PG_HOST:$PG_PORT (database $PG_DATABASE, user $PG_USER, no password),
so the suite cannot run on PostgreSQL. Start it (on this machine:
  pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start
) or, on a machine without PostgreSQL, run ./test.sh --skip-postgresql (H2 only).
MSG
  exit 1
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
    || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  echo "test.sh: installing chromium, chromium-driver and a Chinese font (browser tests, screenshots)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
fi

REDOCLY=.tools/node_modules/.bin/redocly
if [ ! -x "$REDOCLY" ]; then
  echo "test.sh: installing @redocly/cli (OpenAPI lint) into .tools/" >&2
  npm install --silent --no-audit --no-fund --prefix .tools @redocly/cli@2.77.0 >/dev/null
fi

echo "test.sh: the whole suite on H2 (mvn verify)" >&2
mvn -B -ntp verify ${maven_args[@]+"${maven_args[@]}"}
"$REDOCLY" lint --format=stylish src/main/resources/openapi.yaml

if [ "$skip_postgresql" = true ]; then
  echo "test.sh: PostgreSQL run SKIPPED (--skip-postgresql): only H2 was tested" >&2
  exit 0
fi
echo "test.sh: the whole suite on PostgreSQL ($PG_URL)" >&2
# a run that was killed leaves its schemas behind (the tests drop theirs on a normal exit)
if command -v psql >/dev/null; then
  psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DATABASE" -w -qAt -c "SELECT 'DROP SCHEMA ' || nspname || ' CASCADE;' FROM pg_namespace WHERE nspname LIKE 'plancheck\_test\_%'" \
    | PGOPTIONS="-c client_min_messages=warning" psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_DATABASE" -w -q >/dev/null
fi
# surefire:test reuses the classes verify compiled; every test folder gets its own schema
mvn -B -ntp surefire:test -Dplancheck.test.jdbc=postgresql -Dplancheck.test.postgresql.url="$PG_URL" \
  -Dplancheck.test.postgresql.user="$PG_USER" ${maven_args[@]+"${maven_args[@]}"}
