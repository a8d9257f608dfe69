#!/usr/bin/env bash
# Indexing time of two builds of the command line tool, run alternately on the same source so that the machine's
# drift between runs falls on both alike; prints each run and the medians of wall and user seconds and the peak RSS.
# Usage: bench/compare-builds.sh COMMIT_A COMMIT_B SOURCE_FOLDER [RUNS] [extra index options, e.g. --no-extraction]
#   e.g. bench/compare-builds.sh HEAD~1 HEAD bench/work/20000/source 5
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
a="$1"; b="$2"; source="$3"; runs="${4:-5}"; shift $(( $# < 4 ? $# : 4 ))
source "$root/bench/two-builds.sh"
two_builds "$root" "$a" "$b" src/Search.Cli
for i in $(seq 1 "$runs"); do
  for side in A B; do
    rm -rf "$work/index"
    /usr/bin/time -f "$side %e %U %M" dotnet "$work/out-$side/search-cli.dll" index --source "$source" --index "$work/index" --mode full "$@" 2>&1 >/dev/null | grep -E "^$side "
  done
done | tee "$work/runs.txt"
python3 - "$work/runs.txt" "$a" "$b" <<'P'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
for side, commit in (("A", sys.argv[2]), ("B", sys.argv[3])):
    mine = [r for r in rows if r[0] == side]
    print(f"{side} ({commit}): wall median {statistics.median(float(r[1]) for r in mine):.2f} s, "
          f"user median {statistics.median(float(r[2]) for r in mine):.2f} s, peak RSS {max(int(r[3]) for r in mine) // 1024} MB, {len(mine)} runs")
P
