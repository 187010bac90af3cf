#!/usr/bin/env bash
# Graph edit distance benchmark: Quiver (release) against networkx, in the same invocation.
#   scripts/bench-ged.sh            # uses $QUIVER_DATA (default ../shared/data)
# Writes raw per-pair JSONL under .build/bench-ged/ and prints a summary table.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${QUIVER_DATA:-../shared/data}"
OUT="${OUT:-.build/bench-ged}"
mkdir -p "$OUT"
PIN=""
if command -v taskset >/dev/null; then PIN="taskset -c 0"; fi   # one core for every timed run

swift build -c release --product quiver >&2
BIN=.build/release/quiver

for name in vectors hard; do
  echo "networkx on $name ..." >&2
  $PIN python3 Benchmarks/ged/networkx_driver.py "$DATA/ged/$name.jsonl" > "$OUT/$name.networkx.jsonl"
  echo "Quiver exact on $name ..." >&2
  $PIN "$BIN" ged --pairs "$DATA/ged/$name.jsonl" --semantics exact --max-expansions none --time-limit none > "$OUT/$name.exact.jsonl"
  echo "Quiver networkx-semantics on $name ..." >&2
  $PIN "$BIN" ged --pairs "$DATA/ged/$name.jsonl" --semantics networkx --max-expansions none --time-limit none > "$OUT/$name.nxsem.jsonl"
done

python3 Benchmarks/ged/make_query_pairs.py 20000 7 > "$OUT/query_pairs.jsonl"
echo "Quiver approximation on 20,000 query-sized pairs ..." >&2
start=$(date +%s.%N)
$PIN "$BIN" ged --pairs "$OUT/query_pairs.jsonl" --approximate > "$OUT/query.approx.jsonl"
end=$(date +%s.%N)
python3 -c "print($end - $start)" > "$OUT/query.approx.wall"
head -n 200 "$OUT/query_pairs.jsonl" > "$OUT/query_pairs.200.jsonl"
$PIN "$BIN" ged --pairs "$OUT/query_pairs.200.jsonl" --time-limit 1 > "$OUT/query.exact.jsonl"

# Deadlines: unrelated query graphs of 12-40 nodes (the worst case for exact search), 0.5 s each.
python3 Benchmarks/ged/make_query_pairs.py 40 16 12 40 1 > "$OUT/deadline_pairs.jsonl"
for semantics in exact networkx; do
  echo "Quiver $semantics with --time-limit 0.5 on 40 unrelated pairs of 12-40 nodes ..." >&2
  $PIN "$BIN" ged --pairs "$OUT/deadline_pairs.jsonl" --semantics $semantics --time-limit 0.5 > "$OUT/deadline.$semantics.jsonl"
done

python3 Benchmarks/ged/summarize.py "$OUT" "$DATA"
