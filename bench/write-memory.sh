#!/usr/bin/env bash
# The service's resident memory while documents are written through the API under faceted load, which the suite
# does not measure: a copy of the index of an earlier bench/run.sh (bench/work/DOCS/ours), the Release service on
# loopback, its frequent words counted first; then 8 clients of faceted searches for 25 s while WRITES documents of
# the corpus are PUT a second apart (each replaces itself, as an edited report would).
# Usage: bench/write-memory.sh [DOCS] [WRITES] [BUILD]   (defaults: 1000000, 10, this checkout; BUILD: another
# checkout whose src/Search.Api and bench are built in Release, to compare builds on one copy of the index)
# Prints one JSON line: the peak resident set (VmHWM), the resident set after the load, and each PUT's time. The
# resident set every quarter second goes to bench/work/DOCS/raw/write-memory-rss.tsv (seconds, MiB).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
docs="${1:-1000000}"
writes="${2:-10}"
build="${3:-$(cd "$here/.." && pwd)}"
work="$here/work/$docs"
copy="$work/write-memory-index"
port=5189
[ -f "$work/ours/CURRENT" ] || { echo "no index in $work/ours: run bench/run.sh $docs first"; exit 1; }
mkdir -p "$work/raw"
rm -rf "$copy" "$work/write-memory-documents" && cp -r "$work/ours" "$copy"

(cd "$build/src/Search.Api" && Search__IndexPath="$copy" Search__DocumentsPath="$work/write-memory-documents" \
   ApiKeys__0=bench-write-key Access__ReadsPerMinute=100000000 Access__WritesPerMinute=100000 \
   exec dotnet bin/Release/net10.0/Search.Api.dll --urls "http://127.0.0.1:$port" > "$work/raw/write-memory-service.log" 2>&1) &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/api/search?q=evin" > /dev/null 2>&1; do sleep 0.1; done
pid=$(pgrep -f "Search.Api.dll --urls http://127.0.0.1:$port" | head -1)
# The first faceted search starts the count of the frequent words' facets; the writes begin when it is done.
for _ in $(seq 1 900); do
  curl -sf "http://127.0.0.1:$port/health" | python3 -c 'import json,sys; h=json.load(sys.stdin); sys.exit(0 if h["facetsCountedAhead"] > 0 and not h["countingAhead"] else 1)' && break; sleep 1
done

rss="$work/raw/write-memory-rss.tsv"
: > "$rss"
start=$(date +%s.%N)
( while kill -0 "$pid" 2>/dev/null; do
    echo "$(echo "$(date +%s.%N) - $start" | bc)	$(( $(grep VmRSS /proc/$pid/status | awk '{print $2}') / 1024 ))" >> "$rss"; sleep 0.25
  done ) &
sampler=$!
dotnet "$build/bench/Search.Benchmarks/bin/Release/net10.0/Search.Benchmarks.dll" load --url "http://127.0.0.1:$port" \
  --queries "$work/queries" --concurrency 8 --seconds 25 --facets > "$work/raw/write-memory-load.json" &
load=$!
sleep 5
times=()
while IFS= read -r line; do
  id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$line")
  body=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(json.dumps({k: d[k] for k in ("body","title","lang","published") if d.get(k)}))' "$line")
  t=$(curl -s -o /dev/null -w '%{time_total}' -X PUT -H 'Content-Type: application/json' -H 'X-Api-Key: bench-write-key' \
      --data-binary "$body" "http://127.0.0.1:$port/api/documents/$id")
  times+=("$t")
  sleep 1
done < <(tail -n +1001 "$work/source/corpus.jsonl" | head -n "$writes")
wait "$load"
after=$(( $(grep VmRSS /proc/$pid/status | awk '{print $2}') / 1024 ))
peak=$(( $(grep VmHWM /proc/$pid/status | awk '{print $2}') / 1024 ))
kill "$sampler" 2>/dev/null || true
read -r throughput errors < <(python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); print(d["throughput_rps"], d["errors"])' "$work/raw/write-memory-load.json")
echo "{\"peak_rss_mib\": $peak, \"rss_after_mib\": $after, \"put_seconds\": [$(IFS=,; echo "${times[*]}")], \"load_requests_per_second\": $throughput, \"load_errors\": $errors}"
kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true
rm -rf "$copy" "$work/write-memory-documents"
