#!/usr/bin/env bash
# Runs Quiver's whole test suite against real services:
# starts a throw-away PostgreSQL (Debian's `postgresql` package, initdb + pg_ctl in a temp
# directory, loopback port), exports QUIVER_PG_URL for the tests, runs `swift test`, stops it;
# then the Python reward adapter's tests and, when Chromium is installed, the browser test of the
# web explorer (both against a `quiver serve` they start on a free loopback port).
# Extra arguments go to `swift test` alone (e.g. `scripts/test.sh --filter Cypher`).
set -euo pipefail
cd "$(dirname "$0")/.."

export QUIVER_DATA="${QUIVER_DATA:-$(cd .. && pwd)/shared/data}"
[ -d "$QUIVER_DATA" ] || echo "test.sh: QUIVER_DATA ($QUIVER_DATA) not found; data-set tests will be skipped" >&2

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "test.sh: installing PostgreSQL from Debian's packages" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql libpq-dev libsqlite3-dev) >&2
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi

pg_dir=""
stop_pg() {
  if [ -n "$pg_dir" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
# PostgreSQL refuses to run as root: run its tools as the `postgres` user then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ -n "$pg_bin" ]; then
  pg_dir=$(mktemp -d /tmp/quiver-pg.XXXXXX)
  trap stop_pg EXIT
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust --no-sync >/dev/null
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg_dir -c fsync=off" start >/dev/null
  export QUIVER_PG_URL="postgresql://postgres@127.0.0.1:$port/postgres"
  echo "test.sh: PostgreSQL on 127.0.0.1:$port" >&2
else
  echo "test.sh: no PostgreSQL found; PostgreSQL tests will be skipped" >&2
fi

[ -n "${QUIVER_PG_URL:-}" ] && psql "$QUIVER_PG_URL" -Atc "select version()" >&2

# The suite uses Swift Testing. `swift test` also runs XCTest, which finds no tests and prints
# "Test Suite 'All tests' started/passed … Executed 0 tests": that is noise, not a result, so it is
# hidden, together with Swift Testing's "◇ … started." progress lines (QUIVER_TEST_VERBOSE=1 shows
# everything). The whole output stays in .build/test.log; the last line is the one summary.
log=.build/test.log
mkdir -p .build
noise="^Test Suite '.*' (started|passed) at |^[[:space:]]*Executed 0 tests, with 0 failures|^◇ .* started\.$"
set +e
if [ "${QUIVER_TEST_VERBOSE:-0}" = 1 ]; then
  swift test "$@" 2>&1 | tee "$log"
else
  swift test "$@" 2>&1 | tee "$log" | grep --line-buffered -vE "$noise"
fi
status=${PIPESTATUS[0]}
set -e

run=$(grep -aE '^[✔✘] Test run with [0-9]+ tests?' "$log" | tail -n 1 || true)
# Swift Testing reports a test or suite it skipped as `➜ Test "…" skipped: "reason"`: count them per reason.
skips=$(grep -aE '^➜ (Test|Suite) .* skipped' "$log" | sed -E 's/.* skipped(: "(skipped: )?(.*)")?$/\3/' \
  | sort | uniq -c | sed -E 's/^ *([0-9]+) (.*)$/\1 (\2)/' | paste -sd ';' - | sed 's/;/; /g' || true)
if [ -n "$run" ]; then
  summary=$(echo "$run" | sed -E 's/^[✔✘] Test run with ([0-9]+) tests? in ([0-9]+) suites? (passed|failed) after ([0-9.]+) seconds(.*)\.$/\1 tests in \2 suites, \4 s\5/')
  [ -n "$skips" ] && summary="$summary; skipped: $skips"
  failed=$(grep -aE '^✘ Test .* failed after' "$log" | grep -av '^✘ Test run with' | sed -E 's/^✘ Test (.*) failed after.*/\1/' | head -n 5 | paste -sd ',' - | sed 's/,/, /g' || true)
  [ -n "$failed" ] && summary="$summary; failed: $failed"
else
  summary="no test run finished (swift test exit $status; see the errors above or $log)"
fi

# Without a filter, the Python reward adapter and the web explorer run too; their failures fail the run.
if [ $# -eq 0 ]; then
  # The Python reward adapter against a live `quiver serve` (the tests start one on a free port).
  export QUIVER_BIN="$PWD/.build/debug/quiver"
  echo "test.sh: Python reward adapter (clients/python) against a live server" >&2
  if python3 -m unittest discover -s clients/python/tests -v; then
    summary="$summary; Python adapter passed"
  else
    status=1; summary="$summary; Python adapter FAILED"
  fi
  # The web explorer in headless Chromium over WebDriver (Debian's chromium and chromium-driver;
  # selenium in the git-ignored .venv-browser). Screenshots: .build/explorer-*.png.
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    if [ ! -x .venv-browser/bin/python ] || ! .venv-browser/bin/python -c "import selenium" 2>/dev/null; then
      echo "test.sh: installing selenium into .venv-browser" >&2
      python3 -m venv .venv-browser && .venv-browser/bin/pip install --quiet selenium >&2
    fi
    echo "test.sh: web explorer in headless Chromium" >&2
    if .venv-browser/bin/python -m unittest discover -s Tests/Browser -v; then
      summary="$summary; browser test passed"
    else
      status=1; summary="$summary; browser test FAILED"
    fi
  else
    summary="$summary; browser test skipped (chromium and chromedriver not installed)"
  fi
fi
if [ "$status" = 0 ]; then echo "test.sh: PASSED — $summary"; else echo "test.sh: FAILED — $summary"; fi
exit "$status"
