#!/usr/bin/env python3
"""Summarises a scripts/bench-ged.sh run: speed ratios against networkx and agreement.

Usage: summarize.py OUT_DIR DATA_DIR
"""
import json
import os
import sys


def load(path):
    with open(path) as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main():
    out, data = sys.argv[1], sys.argv[2]
    print("| pairs | networkx s (this run) | Quiver exact s | ratio | = networkx | Quiver networkx-semantics s | ratio | = networkx | all proven |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in ("vectors", "hard"):
        reference = load(os.path.join(data, "ged", name + ".jsonl"))
        nx_run = load(os.path.join(out, name + ".networkx.jsonl"))
        exact = load(os.path.join(out, name + ".exact.jsonl"))
        compat = load(os.path.join(out, name + ".nxsem.jsonl"))
        nx_seconds = sum(r["seconds"] for r in nx_run)
        exact_seconds = sum(r["seconds"] for r in exact)
        compat_seconds = sum(r["seconds"] for r in compat)
        exact_equal = sum(1 for a, b in zip(exact, nx_run) if a["ged"] == b["ged"])
        compat_equal = sum(1 for a, b in zip(compat, nx_run) if a["ged"] == b["ged"])
        stored_equal = sum(1 for a, b in zip(nx_run, reference) if a["ged"] == b["ged"])
        proven = all(r["proven"] for r in exact + compat)
        print(f"| {name} ({len(nx_run)}) | {nx_seconds:.3f} | {exact_seconds:.4f} | {nx_seconds / max(exact_seconds, 1e-9):.0f}x "
              f"| {exact_equal}/{len(nx_run)} | {compat_seconds:.4f} | {nx_seconds / max(compat_seconds, 1e-9):.0f}x "
              f"| {compat_equal}/{len(nx_run)} | {proven} |")
        if stored_equal != len(nx_run):
            print(f"  note: this networkx run differs from the stored values on {len(nx_run) - stored_equal} pairs")
        loops = [i for i, p in enumerate(reference)
                 if any(a == b for g in (p["g1"], p["g2"]) for a, b, _ in g["edges"])]
        differing = [i for i, (a, b) in enumerate(zip(exact, nx_run)) if a["ged"] != b["ged"]]
        print(f"  exact != networkx on {len(differing)} pairs, all with self-loops: {set(differing) <= set(loops)}; "
              f"exact above networkx on all of them: {all(exact[i]['ged'] > nx_run[i]['ged'] for i in differing)}")
    approx = load(os.path.join(out, "query.approx.jsonl"))
    with open(os.path.join(out, "query.approx.wall")) as handle:
        wall = float(handle.read().strip())
    compute = sum(r["seconds"] for r in approx)
    print(f"approximation: {len(approx)} query-sized pairs (6-12 nodes): {len(approx) / compute:,.0f} pairs/s "
          f"(compute only), {len(approx) / wall:,.0f} pairs/s (whole command incl. JSON I/O, {wall:.2f} s wall)")
    exact12 = load(os.path.join(out, "query.exact.jsonl"))
    proven = sum(1 for r in exact12 if r["proven"])
    bp_exact = sum(1 for r in exact12 if r["proven"] and r["approx"] == r["ged"])
    print(f"exact on the first {len(exact12)} of them (budget 1 s): {proven} proven, total {sum(r['seconds'] for r in exact12):.2f} s; "
          f"approximation equal to the proven distance on {bp_exact}/{proven}")
    deadlines(out)


def deadlines(out):
    """The slowest pair of each deadline run (per-pair compute time, 0.5 s limit)."""
    for semantics in ("exact", "networkx"):
        path = os.path.join(out, f"deadline.{semantics}.jsonl")
        if not os.path.exists(path):
            continue
        rows = load(path)
        slowest = max(r["seconds"] for r in rows)
        unproven = sum(1 for r in rows if not r["proven"])
        print(f"deadline {semantics}: {len(rows)} pairs of 12-40 nodes, limit 0.5 s: slowest {slowest:.4f} s, "
              f"mean {sum(r['seconds'] for r in rows) / len(rows):.4f} s, {unproven} unproven")


if __name__ == "__main__":
    main()
