#!/usr/bin/env bash
# Cypher on SQL backends against graphqlite, same machine, same run, same graph:
#   scripts/bench-sqlgraph.sh [small|medium|large] [REPS]
# Loads ../shared/bench/graph's workload into a Quiver SQLite file (`quiver import --into`), into
# graphqlite's own SQLite file (its bulk API; its tables are named like Quiver's, so the files are
# two), into PostgreSQL when QUIVER_PG_URL is set, and into an in-memory snapshot; runs the seven
# queries REPS times on each and prints one JSON line per query and backend
# {"query","backend","median_ms","correct"}. graphqlite comes from PyPI into the git-ignored .venv-graphqlite.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-medium}"
reps="${2:-5}"
bench_dir="$(cd .. && pwd)/shared/bench/graph"
[ -f "$bench_dir/peers.py" ] || { echo "bench-sqlgraph: $bench_dir/peers.py not found" >&2; exit 2; }
# graphqlite is a SQLite extension: the venv's Python must be able to load one (pyenv builds often cannot).
loads_extensions='import sqlite3; sqlite3.connect(":memory:").enable_load_extension(True)'
if [ ! -x .venv-graphqlite/bin/python ] || ! .venv-graphqlite/bin/python -c "import graphqlite; $loads_extensions" 2>/dev/null; then
  echo "bench-sqlgraph: creating .venv-graphqlite with graphqlite" >&2
  python=""
  for candidate in /usr/bin/python3 python3; do
    if "$candidate" -c "$loads_extensions" 2>/dev/null; then python="$candidate"; break; fi
  done
  [ -n "$python" ] || { echo "bench-sqlgraph: no Python whose sqlite3 can load extensions" >&2; exit 2; }
  rm -rf .venv-graphqlite
  "$python" -m venv .venv-graphqlite
  .venv-graphqlite/bin/pip install -q "graphqlite==0.12.0"
fi
echo "bench-sqlgraph: building quiver (release)" >&2
swift build -c release --product quiver >&2
quiver="$(swift build -c release --show-bin-path)/quiver"
work=$(mktemp -d /tmp/quiver-sqlgraph-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 "$bench_dir/peers.py" csv "$scale" "$work/csv"
"$quiver" import --nodes "$work/csv/person.csv" --relationships "$work/csv/knows.csv" --into "sqlite:$work/quiver.sqlite" >&2
"$quiver" import --nodes "$work/csv/person.csv" --relationships "$work/csv/knows.csv" --out "$work/graph.qgraph" >&2
backends=("sqlite=sqlite:$work/quiver.sqlite" "memory=$work/graph.qgraph")
if [ -n "${QUIVER_PG_URL:-}" ]; then
  schema="bench_$$"
  psql -q "$QUIVER_PG_URL" -c "CREATE SCHEMA $schema" >&2
  trap 'psql -q "$QUIVER_PG_URL" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1; rm -rf "$work"' EXIT
  sep=$([[ "$QUIVER_PG_URL" == *\?* ]] && echo "&" || echo "?")
  pg="$QUIVER_PG_URL${sep}schema=$schema"
  "$quiver" import --nodes "$work/csv/person.csv" --relationships "$work/csv/knows.csv" --into "$pg" >&2
  backends+=("postgres=$pg")
fi
.venv-graphqlite/bin/python - "$bench_dir" "$scale" "$reps" "$quiver" "$work" "${backends[@]}" <<'PY'
import json, re, statistics, subprocess, sys, time
bench_dir, scale, reps, quiver, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
sys.path.insert(0, bench_dir)
import peers, graphqlite
nodes, edges = peers.gen_graph(*peers.SCALES[scale])
reference = peers.reference_answers(nodes, edges)

def quiver_run(target, cypher):
    option = ["--graph", target] if target.endswith(".qgraph") else ["--db", target]
    args = [quiver, "cypher", *option, "--timing", "--format", "json"] + ["-e", cypher] * (reps + 1)
    out = subprocess.run(args, capture_output=True, text=True)
    if out.returncode != 0:
        return None, out.stderr.strip().splitlines()[-1]
    rows = json.loads(out.stdout.splitlines()[0])["rows"]
    times = [float(m) for m in re.findall(r"query \d+: ([0-9.]+) ms", out.stderr)][1:]
    return rows, statistics.median(times)

for spec in sys.argv[6:]:
    backend, target = spec.split("=", 1)
    for name, (cypher, ordered) in peers.QUERIES.items():
        rows, ms = quiver_run(target, cypher)
        correct = rows is not None and peers.digest(rows, ordered) == peers.digest(reference[name], ordered)
        print(json.dumps({"query": name, "backend": backend, "median_ms": ms if rows is not None else None,
                          "correct": correct, **({} if rows is not None else {"error": ms})}), flush=True)

g = graphqlite.graph(f"{work}/graphqlite.sqlite")
ids = g.insert_nodes_bulk([(str(i), {"id": i, "name": name, "age": age}, "Person") for i, name, age in nodes])
g.insert_edges_bulk([(str(s), str(d), {"since": since}, "KNOWS") for s, d, since in edges], ids)
for name, (cypher, ordered) in peers.QUERIES.items():
    try:
        rows = [list(r.values()) for r in g.query(cypher)]
        times = []
        for _ in range(reps):
            t = time.perf_counter()
            g.query(cypher)
            times.append((time.perf_counter() - t) * 1000)
        correct = peers.digest(rows, ordered) == peers.digest(reference[name], ordered)
        print(json.dumps({"query": name, "backend": "graphqlite", "median_ms": round(statistics.median(times), 3),
                          "correct": correct}), flush=True)
    except Exception as error:
        print(json.dumps({"query": name, "backend": "graphqlite", "median_ms": None, "correct": False,
                          "error": str(error)[:200]}), flush=True)
PY
