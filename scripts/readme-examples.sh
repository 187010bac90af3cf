#!/usr/bin/env bash
# Runs every example of README.md as a new user would: in a fresh `git clone` of this checkout's HEAD
# (committed work only), each ```sh block in order, in one bash session (so `export PATH=…` carries on
# to the next block), each block with `set -e -o pipefail`. ```text blocks are output and synopses and are
# not run. Prints one line per block and a summary; exits 1 if any block failed.
#
#   scripts/readme-examples.sh               fresh clone in a temp folder (first build compiles everything)
#   scripts/readme-examples.sh --here        this checkout as it is (reuses .build; uncommitted edits count)
#   scripts/readme-examples.sh --with-tests  also run the block that runs scripts/test.sh (slow)
#   scripts/readme-examples.sh --keep        keep the clone and the block logs
#
# Blocks that use $QUIVER_DATA run when QUIVER_DATA names a folder (default: ../shared/data beside this
# checkout) and are skipped otherwise; blocks that use a model (`--llm`) run only when QUIVER_LLM_BASE_URL
# is set.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
in_place=0 with_tests=0 keep=0
for arg in "$@"; do
  case "$arg" in
    --here) in_place=1 ;;
    --with-tests) with_tests=1 ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "readme-examples.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

data="${QUIVER_DATA:-$(cd "$here/.." && pwd)/shared/data}"
[ -d "$data" ] || data=""
work=$(mktemp -d /tmp/quiver-readme.XXXXXX)
cleanup() { [ "$keep" = 1 ] && echo "readme-examples.sh: kept $work" >&2 || rm -rf "$work"; }
trap cleanup EXIT

if [ "$in_place" = 1 ]; then
  repo="$here"
else
  repo="$work/quiver"
  git clone --quiet "$here" "$repo" || { echo "readme-examples.sh: git clone of $here failed" >&2; exit 1; }
fi

# The ```sh blocks of the README: a file per block, and "start-line<TAB>file" lines.
python3 - "$repo/README.md" "$work" > "$work/blocks.tsv" <<'PY' || exit 1
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
block, start, count = None, 0, 0
for number, line in enumerate(lines, 1):
    if block is None and line.strip() == "```sh":
        block, start = [], number
    elif block is not None and line.strip() == "```":
        count += 1
        path = f"{sys.argv[2]}/block{count:02d}.sh"
        open(path, "w", encoding="utf-8").write("\n".join(block) + "\n")
        print(f"{start}\t{path}")
        block = None
    elif block is not None:
        block.append(line)
PY

# One bash session runs the blocks; it reports each block's status on fd 3.
runner="$work/runner.sh"
{
  echo 'cd "$1" || exit 1'
  echo 'while IFS=$'"'"'\t'"'"' read -r line file; do'
  echo '  start=$(date +%s%N)'
  echo '  ( set -e -o pipefail; source "$file" ) > "$file.log" 2>&1'
  echo '  status=$?'
  echo '  # A block that exports (PATH=…) must also change this session: run its export lines here.'
  echo '  grep -E "^export " "$file" > "$file.env" && source "$file.env"'
  echo '  echo "$line $status $(( ($(date +%s%N) - start) / 1000000 ))" >&3'
  echo 'done'
} > "$runner"

selected="$work/selected.tsv"
: > "$selected"
skipped=()
while IFS=$'\t' read -r line file; do
  if grep -q 'QUIVER_DATA' "$file" && [ -z "$data" ]; then
    skipped+=("README.md:$line skipped: needs \$QUIVER_DATA (not found)")
  elif grep -q -- '--llm' "$file" && [ -z "${QUIVER_LLM_BASE_URL:-}" ]; then
    skipped+=("README.md:$line skipped: needs a model endpoint (QUIVER_LLM_BASE_URL)")
  elif grep -q 'scripts/test.sh' "$file" && [ "$with_tests" = 0 ]; then
    skipped+=("README.md:$line skipped: runs the test suite (--with-tests runs it)")
  else
    printf '%s\t%s\n' "$line" "$file" >> "$selected"
  fi
done < "$work/blocks.tsv"

total=$(wc -l < "$work/blocks.tsv")
echo "readme-examples.sh: $total sh blocks in README.md; running $(wc -l < "$selected") in ${repo}" >&2
[ -n "$data" ] && export QUIVER_DATA="$data"
failed=0 passed=0
while read -r line status milliseconds; do
  seconds=$(awk -v m="$milliseconds" 'BEGIN { printf "%.1f", m / 1000 }')
  file=$(awk -F'\t' -v l="$line" '$1 == l {print $2}' "$selected")
  if [ "$status" = 0 ]; then
    passed=$((passed + 1))
    echo "README.md:$line ok ($seconds s)"
  else
    failed=$((failed + 1))
    echo "README.md:$line FAILED (exit $status, $seconds s):"
    sed 's/^/    | /' "$file"
    tail -n 15 "$file.log" | sed 's/^/    > /'
  fi
done < <(env -u QUIVER_PG_URL bash "$runner" "$repo" < "$selected" 3>&1 1>/dev/null 2>/dev/null)
for line in "${skipped[@]}"; do echo "$line"; done
echo "readme-examples.sh: $passed ok, $failed failed, ${#skipped[@]} skipped of $total blocks"
[ "$failed" = 0 ]
