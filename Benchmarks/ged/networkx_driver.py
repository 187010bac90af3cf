#!/usr/bin/env python3
"""Times networkx.graph_edit_distance on every pair of a graph-pair JSONL file.

Usage: networkx_driver.py PAIRS.jsonl [--timeout SECONDS]
Prints one JSON line per pair: {"index", "ged", "seconds"} (ged is null if networkx timed out
without a path). Costs are STRuCT-LLM's / the vectors': unit insertion and deletion, substitution
0 when labels are equal, else 1. Graphs are networkx DiGraphs.
"""
import json
import sys
import time

import networkx as nx


def to_digraph(g):
    graph = nx.DiGraph()
    for index, label in enumerate(g["nodes"]):
        graph.add_node(index, label=label)
    for source, target, label in g.get("edges", []):
        graph.add_edge(source, target, label=label)
    return graph


def label_cost(a, b):
    return 0 if a.get("label") == b.get("label") else 1


def main():
    path = sys.argv[1]
    timeout = None
    if "--timeout" in sys.argv:
        timeout = float(sys.argv[sys.argv.index("--timeout") + 1])
    with open(path) as handle:
        lines = [line for line in handle if line.strip()]
    for index, line in enumerate(lines):
        pair = json.loads(line)
        g1, g2 = to_digraph(pair["g1"]), to_digraph(pair["g2"])
        start = time.perf_counter()
        value = nx.graph_edit_distance(
            g1, g2, node_subst_cost=label_cost, edge_subst_cost=label_cost, timeout=timeout
        )
        seconds = time.perf_counter() - start
        print(json.dumps({"index": index, "ged": value, "seconds": round(seconds, 6)}), flush=True)


if __name__ == "__main__":
    main()
