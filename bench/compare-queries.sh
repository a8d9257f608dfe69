#!/usr/bin/env bash
# In-process query latencies of two builds on the same index and queries, run alternately so that the machine's drift
# between runs falls on both alike; prints the medians over the runs of each class's p50, p95 and p99 (µs).
# Usage: bench/compare-queries.sh COMMIT_A COMMIT_B INDEX QUERIES [RUNS] [latency options, e.g. --facets --class fuzzy]
#   e.g. bench/compare-queries.sh HEAD~1 HEAD bench/work/1000000/ours bench/work/1000000/queries 3 --facets
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
a="$1"; b="$2"; index="$3"; queries="$4"; runs="${5:-3}"; shift $(( $# < 5 ? $# : 5 ))
source "$root/bench/two-builds.sh"
two_builds "$root" "$a" "$b" bench/Search.Benchmarks
for i in $(seq 1 "$runs"); do
  for side in A B; do
    dotnet "$work/out-$side/Search.Benchmarks.dll" latency --index "$index" --queries "$queries" --ids-only \
      --config "$root/index-config" "$@" | sed "s/^/$side\t/"
  done
done > "$work/runs.txt"
python3 - "$work/runs.txt" "$a" "$b" <<'P'
import json, statistics, sys
rows = [(line.split("\t", 1)[0], json.loads(line.split("\t", 1)[1])) for line in open(sys.argv[1])]
classes = list(dict.fromkeys(r["class"] for _, r in rows))
print(f"A = {sys.argv[2]}, B = {sys.argv[3]}; medians over runs, µs")
print("class      A p50   B p50    A p95   B p95    A p99   B p99   B/A p99")
for c in classes:
    m = {s: {k: statistics.median(r[k] for side, r in rows if side == s and r["class"] == c) for k in ("p50_us", "p95_us", "p99_us")} for s in "AB"}
    print(f"{c:8} {m['A']['p50_us']:7.0f} {m['B']['p50_us']:7.0f}  {m['A']['p95_us']:7.0f} {m['B']['p95_us']:7.0f}  "
          f"{m['A']['p99_us']:7.0f} {m['B']['p99_us']:7.0f}   {m['B']['p99_us'] / m['A']['p99_us']:.2f}")
P
