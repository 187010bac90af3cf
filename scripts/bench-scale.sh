#!/usr/bin/env bash
# Scale check: the bench generator at 1M nodes / 10M edges; load time and peak RSS (bytes per edge)
# of `quiver import` beside Kùzu's COPY of the same CSV files, same machine, same run.
#   scripts/bench-scale.sh [NODES] [EDGES]
# Needs .venv-bench with kuzu (scripts/bench-graph.sh makes it) and a release build of quiver.
set -euo pipefail
cd "$(dirname "$0")/.."
nodes="${1:-1000000}"
edges="${2:-10000000}"
bench_dir="$(cd .. && pwd)/shared/bench/graph"
quiver=.build/release/quiver
[ -x "$quiver" ] || { echo "bench-scale: build first (swift build -c release --product quiver)" >&2; exit 2; }
.venv-bench/bin/python -c "import kuzu" 2>/dev/null || { echo "bench-scale: run scripts/bench-graph.sh once to make .venv-bench" >&2; exit 2; }
work=$(mktemp -d /tmp/quiver-scale.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "bench-scale: $1 failed:" >&2; tail -n 5 "$work/out" >&2; exit 1; }

python3 - "$bench_dir" "$nodes" "$edges" "$work" <<'PY'
import csv, os, sys
sys.path.insert(0, sys.argv[1])
import peers
n, e, w = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
nodes, edges = peers.gen_graph(n, e)
peers.write_csv(nodes, edges, os.path.join(w, "quiver"))
# Kùzu's COPY reads headerless files in its own column order.
with open(os.path.join(w, "n.csv"), "w", newline="") as f: csv.writer(f).writerows(nodes)
with open(os.path.join(w, "e.csv"), "w", newline="") as f: csv.writer(f).writerows(edges)
PY

measure() {  # label, command...: prints wall seconds and peak RSS (KB)
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$@" > "$work/out" 2>&1 || fail "$label"
  end=$(date +%s.%N)
  echo "$label $(echo "$end - $start" | bc) $(tail -n 1 "$work/rss")"
}

measure quiver "$quiver" import --nodes "$work/quiver/person.csv" --relationships "$work/quiver/knows.csv" \
  --out "$work/g.qgraph" > "$work/quiver.txt"
# Quiver's graph in memory: load the snapshot and run a trivial query (RSS of the loaded graph).
measure quiver-load "$quiver" cypher --graph "$work/g.qgraph" -e "MATCH (n) RETURN count(n)" > "$work/quiver-load.txt"
cat > "$work/load_kuzu.py" <<PY
import kuzu, time
db = kuzu.Database(":memory:")
c = kuzu.Connection(db)
c.execute("CREATE NODE TABLE Person(id INT64, name STRING, age INT64, PRIMARY KEY(id))")
c.execute("CREATE REL TABLE KNOWS(FROM Person TO Person, since INT64)")
t = time.perf_counter()
c.execute("COPY Person FROM '$work/n.csv'")
c.execute("COPY KNOWS FROM '$work/e.csv'")
print(time.perf_counter() - t)
PY
measure kuzu .venv-bench/bin/python "$work/load_kuzu.py" > "$work/kuzu.txt"
python3 - "$edges" "$work" <<'PY'
import json, sys
edges, w = int(sys.argv[1]), sys.argv[2]
def fields(name):
    label, seconds, rss = open(f"{w}/{name}.txt").read().split()
    return float(seconds), int(rss) * 1024
q_s, q_rss = fields("quiver"); l_s, l_rss = fields("quiver-load"); k_s, k_rss = fields("kuzu")
k_engine = float(open(f"{w}/out").read().split()[-1])
print(json.dumps({"edges": edges,
    "quiver_import_s": round(q_s, 2), "quiver_import_bytes_per_edge": round(q_rss / edges, 1),
    "quiver_snapshot_load_s": round(l_s, 2), "quiver_loaded_bytes_per_edge": round(l_rss / edges, 1),
    "kuzu_copy_s": round(k_engine, 2), "kuzu_process_s": round(k_s, 2), "kuzu_bytes_per_edge": round(k_rss / edges, 1),
    "import_ratio": round(q_s / k_engine, 3)}))
PY
