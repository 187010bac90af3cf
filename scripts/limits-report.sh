#!/usr/bin/env bash
# Runs the inputs that once crashed or hung Quiver through the release binary and prints, for each,
# the exit status, the signal if any, wall time, peak RSS and the first line of the error.
#   scripts/limits-report.sh [QUIVER_BINARY]
# Uses ../shared/bench/graph/peers.py for the 1M-edge bench graph when it is there.
set -uo pipefail
cd "$(dirname "$0")/.."
quiver="${1:-.build/release/quiver}"
[ -x "$quiver" ] || { echo "limits-report: build first (swift build -c release)" >&2; exit 2; }
work=$(mktemp -d /tmp/quiver-limits.XXXXXX)
trap 'rm -rf "$work"' EXIT

report() {  # name, then the command
  local name="$1"; shift
  local start end status rss first
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$@" > "$work/out" 2> "$work/err"
  status=$?
  end=$(date +%s.%N)
  rss=$(tail -n 1 "$work/rss" 2>/dev/null)
  first=$(grep -v "^Command \(exited\|terminated\)" "$work/err" | head -n 1 | cut -c1-150)
  [ $status -gt 128 ] && first="SIGNAL $((status - 128)) $first"
  printf '%-44s exit %-3s %6.2f s %8s KB  %s\n' "$name" "$status" "$(echo "$end - $start" | bc)" "$rss" "$first"
}

python3 - "$work" <<'PY'
import sys, json
w = sys.argv[1]
open(f"{w}/with.cypher", "w").write("WITH 1 AS x " + "WITH x " * 15000 + "RETURN x\n")
open(f"{w}/plus.cypher", "w").write("RETURN 1" + " + 1" * 90000 + "\n")
open(f"{w}/parens.cypher", "w").write("RETURN " + "(" * 100000 + "1" + ")" * 100000 + "\n")
open(f"{w}/parens-open.cypher", "w").write("RETURN " + "(" * 100000 + "1\n")
open(f"{w}/lists.cypher", "w").write("RETURN " + "[" * 100000 + "]" * 100000 + "\n")
open(f"{w}/deep.json", "w").write('{"a":' + "[" * 60000 + "]" * 60000 + "}")
open(f"{w}/deep-open.json", "w").write('{"a":' + "[" * 60000)
chain = ["UNWIND range(0, 9999) AS i CREATE (:C {i: i})",
         "UNWIND range(0, 9998) AS i MATCH (a:C {i: i}), (b:C {i: i + 1}) CREATE (a)-[:NEXT]->(b)"]
open(f"{w}/chain.cypher", "w").write(";\n".join(chain) + "\n")
PY

report "15,000 WITH clauses" "$quiver" cypher "$work/with.cypher"
report "90,000 chained + 1" "$quiver" cypher "$work/plus.cypher"
report "100,000 nested parentheses" "$quiver" cypher "$work/parens.cypher"
report "100,000 unclosed parentheses" "$quiver" cypher "$work/parens-open.cypher"
report "100,000 nested lists" "$quiver" cypher "$work/lists.cypher"
report "--params JSON 60,000 deep" "$quiver" cypher --params "$(cat "$work/deep.json")" -e "RETURN 1"
report "--params JSON 60,000 deep, unclosed" "$quiver" cypher --params "$(cat "$work/deep-open.json")" -e "RETURN 1"
report "ged --time-limit inf" "$quiver" ged --time-limit inf "MATCH (a) RETURN a" "MATCH (b) RETURN b"
report "ged --time-limit nan" "$quiver" ged --time-limit nan "MATCH (a) RETURN a" "MATCH (b) RETURN b"
report "ged --time-limit -1" "$quiver" ged --time-limit -1 "MATCH (a) RETURN a" "MATCH (b) RETURN b"
report "cypher --timeout 0" "$quiver" cypher --timeout 0 -e "RETURN 1"
report "cypher --timeout -1" "$quiver" cypher --timeout -1 -e "RETURN 1"
report "RETURN size(range(1, 10000000000))" "$quiver" cypher -e "RETURN size(range(1, 10000000000))"
report "RETURN size(range(1, 10^10))" "$quiver" cypher -e "RETURN size(range(1, 10^10))"
report "UNWIND range(1, 10^9) … collect(x)" "$quiver" cypher -e "UNWIND range(1, 1000000000) AS x RETURN collect(x)"
report "UNWIND range(1,10^7) collect, --max-memory 1G" "$quiver" cypher --max-memory 1G -e "UNWIND range(1, 10000000) AS x RETURN collect(x)"
report "build the 10,000-node chain" "$quiver" cypher --graph "$work/chain.qgraph" --save "$work/chain.cypher"
report "chain [*] count(p), --timeout 2" "$quiver" cypher --graph "$work/chain.qgraph" --timeout 2 \
  -e "MATCH p = (a)-[*]->(b) RETURN count(p)"
report "chain path to the far end, --timeout 2" "$quiver" cypher --graph "$work/chain.qgraph" --timeout 2 \
  -e "MATCH p = (a:C {i: 0})-[*]->(b:C {i: 9999}) RETURN length(p)"
mkfifo "$work/fifo"
report "import from a FIFO" timeout 10 "$quiver" import --nodes "$work/fifo" --out "$work/x.qgraph"
peers="$(cd .. && pwd)/shared/bench/graph/peers.py"
if [ -f "$peers" ]; then
  python3 "$peers" csv large "$work/csv" > /dev/null
  "$quiver" import --nodes "$work/csv/person.csv" --relationships "$work/csv/knows.csv" --out "$work/large.qgraph" > /dev/null
  report "1M edges: [*] RETURN p LIMIT 1, --timeout 5" "$quiver" cypher --graph "$work/large.qgraph" --timeout 5 \
    -e "MATCH p = (a)-[*]->(b) RETURN p LIMIT 1"
  report "1M edges: [*] count(*), --timeout 5" "$quiver" cypher --graph "$work/large.qgraph" --timeout 5 \
    -e "MATCH (a)-[*]->(b) RETURN count(*)"
fi
