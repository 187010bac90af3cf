#!/usr/bin/env python3
"""Load test of `quiver serve`: C concurrent clients (threads with keep-alive connections) send N
requests in all, drawn from a weighted mix, and the run prints one JSON object: errors, throughput,
and p50/p99 latency overall and per kind of request.

  scripts/load-serve.py --url http://127.0.0.1:7878 --clients 32 --requests 5000 --mix graph,sql

Mixes: `graph` — reads on the benchmark graph of ../shared/bench/graph (point lookups, one and two
hops, top-k, degree, schema); `sql` — `POST /score/sql` batches of 16 Spider dev predictions
(QUIVER_DATA/spider: the gold and one system's predictions). Only loopback addresses are allowed.
"""
import argparse
import http.client
import json
import os
import random
import statistics
import sys
import threading
import time
import urllib.parse

GRAPH_MIX = [  # (weight, kind, method, path, body maker)
    (30, "point_lookup", "POST", "/cypher", lambda r: {"query": "MATCH (p:Person {id: $id}) RETURN p.name, p.age", "params": {"id": r.randrange(100_000)}}),
    (25, "one_hop", "POST", "/cypher", lambda r: {"query": "MATCH (a:Person {id: $id})-[k:KNOWS]->(b) RETURN b.id, k.since", "params": {"id": r.randrange(100_000)}}),
    (15, "two_hop_count", "POST", "/cypher", lambda r: {"query": "MATCH (a:Person {id: $id})-[:KNOWS]->()-[:KNOWS]->(c) RETURN count(DISTINCT c)", "params": {"id": r.randrange(100_000)}}),
    (10, "order_limit", "POST", "/cypher", lambda r: {"query": "MATCH (p:Person) WHERE p.age = $age RETURN p.id ORDER BY p.id LIMIT 10", "params": {"age": 18 + r.randrange(63)}}),
    (5, "top_degree", "POST", "/cypher", lambda r: {"query": "MATCH (p:Person)-[:KNOWS]->(q) RETURN p.id, count(q) AS deg ORDER BY deg DESC, p.id LIMIT 10"}),
    (10, "explorer_draw", "POST", "/cypher", lambda r: {"query": "MATCH (a:Person {id: $id})-[k:KNOWS]->(b) RETURN a, k, b LIMIT 25", "params": {"id": r.randrange(100_000)}, "draw": True}),
    (5, "schema_health", "GET", "/health", None),
]


def sql_mix(data):
    spider = os.path.join(data, "spider")
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clients", "python"))
    gold = [line.rstrip("\n").split("\t") for line in open(os.path.join(spider, "dev_gold.sql"), encoding="utf-8") if line.strip()]
    pred = [line.rstrip("\n").split("\t")[0] for line in open(os.path.join(spider, "predictions", "c3sql_chatgpt.sql"), encoding="utf-8")]
    examples = [{"id": i, "prediction": p, "gold": g[0], "db_id": g[1]} for i, (g, p) in enumerate(zip(gold, pred))]

    def batch(r):
        start = r.randrange(len(examples) - 16)
        return {"items": examples[start:start + 16]}
    return [(100, "score_sql_16", "POST", "/score/sql", batch)]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:7878")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--mix", default="graph")
    parser.add_argument("--sql-share", type=float, default=0.2, help="with --mix graph,sql: the share of /score/sql requests")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--token", default=os.environ.get("QUIVER_TOKEN"))
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.url)
    if url.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("load-serve: loopback addresses only")

    kinds = [m.strip() for m in args.mix.split(",")]
    mix = []
    if "graph" in kinds:
        share = 1 - (args.sql_share if "sql" in kinds else 0)
        total = sum(w for w, *_ in GRAPH_MIX)
        mix += [(w / total * share, *rest) for w, *rest in GRAPH_MIX]
    if "sql" in kinds:
        share = args.sql_share if "graph" in kinds else 1
        mix += [(share, *rest) for _, *rest in sql_mix(os.environ.get("QUIVER_DATA", os.path.join("..", "shared", "data")))]

    rng = random.Random(args.seed)
    plan = rng.choices(mix, weights=[m[0] for m in mix], k=args.requests)
    bodies = [(kind, method, path, json.dumps(make(rng)).encode() if make else None) for _, kind, method, path, make in plan]
    next_index = [0]
    lock = threading.Lock()
    results = []  # (kind, status, seconds, error)
    headers = {"Content-Type": "application/json"}
    if args.token:
        headers["Authorization"] = "Bearer " + args.token

    def client():
        connection = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=300)
        while True:
            with lock:
                index = next_index[0]
                next_index[0] += 1
            if index >= len(bodies):
                break
            kind, method, path, body = bodies[index]
            started = time.perf_counter()
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                data = response.read()
                error = None if response.status == 200 else data[:200].decode(errors="replace")
                if error is None and path == "/cypher" and json.loads(data).get("error"):
                    error = "in-body error: " + json.dumps(json.loads(data)["error"])[:200]
                status = response.status
            except Exception as exception:  # a broken connection counts as an error, then reconnect
                status, error = 0, repr(exception)
                connection.close()
                connection = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=300)
            elapsed = time.perf_counter() - started
            with lock:
                results.append((kind, status, elapsed, error))
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started

    def summary(rows):
        latencies = [r[2] * 1000 for r in rows]
        return {"requests": len(rows), "errors": sum(1 for r in rows if r[3]), "p50_ms": round(percentile(latencies, 50), 2),
                "p99_ms": round(percentile(latencies, 99), 2), "mean_ms": round(statistics.fmean(latencies), 2)}
    report = {"clients": args.clients, "mix": args.mix, "seconds": round(wall, 3), "throughput_rps": round(len(results) / wall, 1),
              **summary(results), "by_kind": {k: summary([r for r in results if r[0] == k]) for k in sorted({r[0] for r in results})}}
    errors = [r for r in results if r[3]]
    if errors:
        report["first_errors"] = [{"kind": e[0], "status": e[1], "error": e[3]} for e in errors[:5]]
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
