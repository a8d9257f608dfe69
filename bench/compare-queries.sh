#!/usr/bin/env bash
# In-process query latencies of two builds on the same index and queries, run alternately so that the machine's drift
# between runs falls on both alike; prints the medians over the runs of each class's p50, p95 and p99 (µs).
# Usage: bench/compare-queries.sh COMMIT_A COMMIT_B INDEX QUERIES [RUNS] [latency options, e.g. --facets --class fuzzy]
#   e.g. bench/compare-queries.sh HEAD~1 HEAD bench/work/1000000/ours bench/work/1000000/queries 3 --facets
# COMMAND=facet-cost times each query without facets and with them in turn, in one process (see FacetCostCommand),
# and prints both sides of each class, and the ratio of their p99s for each build:
#   COMMAND=facet-cost bench/compare-queries.sh HEAD~1 HEAD bench/work/1000000/ours bench/work/1000000/queries 3 --class and
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
a="$1"; b="$2"; index="$3"; queries="$4"; runs="${5:-3}"; shift $(( $# < 5 ? $# : 5 ))
command="${COMMAND:-latency}"
source "$root/bench/two-builds.sh"
two_builds "$root" "$a" "$b" bench/Search.Benchmarks
for i in $(seq 1 "$runs"); do
  for side in A B; do
    dotnet "$work/out-$side/Search.Benchmarks.dll" "$command" --index "$index" --queries "$queries" --ids-only \
      --config "$root/index-config" "$@" | sed "s/^/$side\t/"
  done
done > "$work/runs.txt"
python3 - "$work/runs.txt" "$a" "$b" <<'P'
import json, statistics, sys
rows = [(line.split("\t", 1)[0], json.loads(line.split("\t", 1)[1])) for line in open(sys.argv[1])]
# facet-cost prints each class twice, without facets and with: each is a row of its own
name = lambda r: r["class"] + (" +facets" if r.get("paired") and r["facets"] else "")
classes = list(dict.fromkeys(name(r) for _, r in rows))
print(f"A = {sys.argv[2]}, B = {sys.argv[3]}; medians over runs, µs")
print("class             A p50   B p50    A p95   B p95    A p99   B p99   B/A p99")
m = {}
for c in classes:
    m[c] = {s: {k: statistics.median(r[k] for side, r in rows if side == s and name(r) == c) for k in ("p50_us", "p95_us", "p99_us")} for s in "AB"}
    print(f"{c:15} {m[c]['A']['p50_us']:7.0f} {m[c]['B']['p50_us']:7.0f}  {m[c]['A']['p95_us']:7.0f} {m[c]['B']['p95_us']:7.0f}  "
          f"{m[c]['A']['p99_us']:7.0f} {m[c]['B']['p99_us']:7.0f}   {m[c]['B']['p99_us'] / m[c]['A']['p99_us']:.2f}")
for c in classes:
    if c + " +facets" in m:
        f = m[c + " +facets"]
        print(f"facet cost {c:8} p99 with / without: A {f['A']['p99_us'] / m[c]['A']['p99_us']:.2f}, B {f['B']['p99_us'] / m[c]['B']['p99_us']:.2f}")
P
