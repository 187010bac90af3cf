#!/usr/bin/env bash
# Runs the concurrency tests under ThreadSanitizer: readers on snapshots beside a writer, the
# bank-transfer test, `quiver cypher --queries --jobs` style batches.
#   scripts/tsan.sh [extra swift test args]
# Builds into .build-tsan (git-ignored), separate from the normal build. Exits non-zero if
# ThreadSanitizer reports a race (it makes the test process fail) or a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export QUIVER_DATA="${QUIVER_DATA:-$(cd .. && pwd)/shared/data}"
# halt_on_error: the first race fails the run; second_deadlock_stack: full reports for lock cycles.
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
swift test --sanitize=thread --scratch-path .build-tsan \
  --filter 'ConcurrentReadTests|ReadIsolationTests|BatchRunTests' "$@"
