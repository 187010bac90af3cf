#!/usr/bin/env bash
# The graph benchmark: Quiver against Kùzu on ../shared/bench/graph's workload, same machine, same run.
#   scripts/bench-graph.sh [small|medium|large] [REPS]
# Prints one JSON line per query {"query","quiver_ms","kuzu_ms","ratio","correct"} and one for the load.
# Sets up a git-ignored venv (.venv-bench) with Kùzu from PyPI on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-medium}"
reps="${2:-5}"
bench_dir="$(cd .. && pwd)/shared/bench/graph"
[ -f "$bench_dir/peers.py" ] || { echo "bench-graph: $bench_dir/peers.py not found" >&2; exit 2; }

if [ ! -x .venv-bench/bin/python ] || ! .venv-bench/bin/python -c "import kuzu" 2>/dev/null; then
  echo "bench-graph: creating .venv-bench with kuzu" >&2
  python3 -m venv .venv-bench
  .venv-bench/bin/pip install -q "kuzu==0.11.3"
fi

work=$(mktemp -d /tmp/quiver-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 "$bench_dir/peers.py" csv "$scale" "$work/csv"

echo "bench-graph: building the benchmark (release)" >&2
swift build -c release --package-path Benchmarks --product GraphBenchmark >&2
"$(swift build -c release --package-path Benchmarks --show-bin-path)/GraphBenchmark" \
  --nodes "$work/csv/person.csv" --relationships "$work/csv/knows.csv" --reps "$reps" > "$work/quiver.json"

echo "bench-graph: running Kùzu" >&2
.venv-bench/bin/python "$bench_dir/peers.py" run kuzu "$scale" --reps "$reps" > "$work/kuzu.json"

python3 - "$bench_dir" "$scale" "$work/quiver.json" "$work/kuzu.json" <<'PY'
import json, sys
sys.path.insert(0, sys.argv[1])
import peers
scale, quiver, kuzu = sys.argv[2], json.load(open(sys.argv[3])), json.load(open(sys.argv[4]))
reference = peers.reference_answers(*peers.gen_graph(*peers.SCALES[scale]))
def line(query, q_s, k_s, correct):
    print(json.dumps({"query": query, "quiver_ms": round(q_s * 1000, 3), "kuzu_ms": round(k_s * 1000, 3),
                      "ratio": round(q_s / k_s, 3) if k_s else None, "correct": correct}))
line("load", quiver["load_s"], kuzu["load_s"], True)
for name, (cypher, ordered) in peers.QUERIES.items():
    q = quiver["queries"][name]
    correct = peers.digest(q["rows"], ordered) == peers.digest(reference[name], ordered)
    line(name, q["median_s"], kuzu["queries"][name]["median_s"], correct)
PY
