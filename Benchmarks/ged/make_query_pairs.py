#!/usr/bin/env python3
"""Writes random query-sized graph pairs for the GED benchmarks.

Usage: make_query_pairs.py COUNT SEED [MIN_NODES MAX_NODES [UNRELATED_EVERY]] > pairs.jsonl
Graphs look like query graphs: a connected backbone plus extra edges up to 1.3 n, 6 node labels,
5 edge labels; g2 is g1 after a few random edits (relabel, retype, add/remove edge, add node) with
node ids shuffled, or (every UNRELATED_EVERY-th pair, default 4) an unrelated graph. Sizes default
to 6-12 nodes; UNRELATED_EVERY 1 makes every pair unrelated (the hard case for exact search).
"""
import json
import random
import sys

NODE_LABELS = ["Person", "Movie", "Genre", "op", "agg", "value"]
EDGE_LABELS = ["ACTED_IN", "DIRECTED", "IN_GENRE", "from", "where"]


def random_graph(rng, n):
    edges = {}
    for k in range(1, n):
        edges[(rng.randrange(k), k)] = rng.choice(EDGE_LABELS)
    while len(edges) < round(1.3 * n):
        edges[(rng.randrange(n), rng.randrange(n))] = rng.choice(EDGE_LABELS)
    return [rng.choice(NODE_LABELS) for _ in range(n)], edges


def edited(rng, nodes, edges, count):
    nodes, edges = list(nodes), dict(edges)
    for _ in range(count):
        op = rng.randrange(5)
        if op == 0:
            nodes[rng.randrange(len(nodes))] = rng.choice(NODE_LABELS)
        elif op == 1 and edges:
            edges[rng.choice(list(edges))] = rng.choice(EDGE_LABELS)
        elif op == 2:
            edges[(rng.randrange(len(nodes)), rng.randrange(len(nodes)))] = rng.choice(EDGE_LABELS)
        elif op == 3 and edges:
            del edges[rng.choice(list(edges))]
        elif len(nodes) < 12:
            nodes.append(rng.choice(NODE_LABELS))
            edges[(rng.randrange(len(nodes) - 1), len(nodes) - 1)] = rng.choice(EDGE_LABELS)
    order = list(range(len(nodes)))
    rng.shuffle(order)
    return [nodes[order.index(k)] for k in range(len(nodes))], {(order[a], order[b]): l for (a, b), l in edges.items()}


def as_json(nodes, edges):
    return {"nodes": nodes, "edges": [[a, b, l] for (a, b), l in sorted(edges.items())]}


def main():
    count, seed = int(sys.argv[1]), int(sys.argv[2])
    low, high = (int(sys.argv[3]), int(sys.argv[4])) if len(sys.argv) > 4 else (6, 12)
    every = int(sys.argv[5]) if len(sys.argv) > 5 else 4
    rng = random.Random(seed)
    for k in range(count):
        n = rng.randint(low, high)
        nodes, edges = random_graph(rng, n)
        if k % every == every - 1:
            other = random_graph(rng, rng.randint(low, high))
        else:
            other = edited(rng, nodes, edges, rng.randint(1, 4))
        print(json.dumps({"g1": as_json(nodes, edges), "g2": as_json(*other)}))


if __name__ == "__main__":
    main()
