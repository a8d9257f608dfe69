#!/usr/bin/env bash
# Whole-system benchmark of this service against Lucene 8.8.1 (../shared/peers/lucene) on the same corpus and
# queries, in one run. Usage: bench/run.sh [DOCS] [RUNS]   (defaults: 100000 documents, 3 runs of each measurement)
# Writes bench/work/DOCS/ (corpus, indexes, raw results) and bench/results/report-DOCS.md; prints the report.
# QUERIES_ONLY=1 keeps the corpus, the indexes and the indexing figures of the last run and measures the queries and
# the service again (after a change to the query side, the indexes of a 1M run need not be rebuilt).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="$root/../shared"
docs="${1:-100000}"
runs="${2:-3}"
work="$here/work/$docs"
raw="$work/raw"
queries_only="${QUERIES_ONLY:-0}"
mkdir -p "$work/source" "$raw" "$here/results"
if [ "$queries_only" = 1 ]; then
  [ -f "$work/ours/CURRENT" ] && [ -d "$work/lucene" ] || { echo "QUERIES_ONLY=1 needs the indexes of an earlier run in $work"; exit 1; }
  rm -f "$raw"/*latency*.json "$raw"/ours-facet-cost.json "$raw"/http.json "$raw"/service-*.log
  grep -v -e cold-start -e service-rss "$raw/timings.json" > "$raw/timings.tmp" || true
  mv "$raw/timings.tmp" "$raw/timings.json"
else
  rm -f "$raw"/*.json "$raw"/*.log
fi

echo "== build (Release)"
dotnet build -c Release "$root/src/Search.Cli" -v quiet >/dev/null
dotnet build -c Release "$root/src/Search.Api" -v quiet >/dev/null
dotnet build -c Release "$here/Search.Benchmarks" -v quiet >/dev/null
tool=(dotnet "$here/Search.Benchmarks/bin/Release/net10.0/Search.Benchmarks.dll")
cli=(dotnet "$root/src/Search.Cli/bin/Release/net10.0/search-cli.dll")
lucene="$work/lucene-harness"
if [ ! -f "$lucene/build/classpath.txt" ]; then
  rm -rf "$lucene" && cp -r "$shared/peers/lucene" "$lucene" && chmod -R u+w "$lucene"
  bash "$lucene/setup.sh" >/dev/null
fi

if [ "$queries_only" != 1 ]; then
echo "== corpus: $docs documents"
[ -f "$work/source/corpus.jsonl" ] || "${tool[@]}" corpus --docs "$docs" --out "$work/source/corpus.jsonl" --shared "$shared"
bytes=$(stat -c %s "$work/source/corpus.jsonl")
echo "{\"docs\": $docs, \"corpus_bytes\": $bytes}" > "$raw/corpus.json"
"${tool[@]}" queries --corpus "$work/source/corpus.jsonl" --out "$work/queries"
fi

# /usr/bin/time -v: wall time and peak RSS of one command, as a JSON line.
timed() {
  local label="$1"; shift
  local log="$raw/$label.time.log"
  /usr/bin/time -v "$@" > "$raw/$label.out" 2> "$log"
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
  echo "{\"label\": \"$label\", \"seconds\": $wall, \"peak_rss_kib\": $rss}" >> "$raw/timings.json"
}

if [ "$queries_only" != 1 ]; then
echo "== index: ours ($runs runs with extraction, $runs without) and Lucene ($runs runs), one run of each in turn"
# In turn, not all of ours and then all of Lucene's: this machine's speed drifts over minutes, and the drift should
# fall on both engines alike. Lucene's corpus is written from our first index (its facets are our extraction's).
for r in $(seq 1 "$runs"); do
  rm -rf "$work/ours-x"; timed "ours-index-noextract-$r" "${cli[@]}" index --source "$work/source" --index "$work/ours-x" --mode full --no-extraction
  echo "{\"label\": \"ours-size-noextract-$r\", \"bytes\": $(du -sb "$work/ours-x" | cut -f1)}" >> "$raw/sizes.json"
  rm -rf "$work/ours"; timed "ours-index-$r" "${cli[@]}" index --source "$work/source" --index "$work/ours" --mode full
  echo "{\"label\": \"ours-size-$r\", \"bytes\": $(du -sb "$work/ours" | cut -f1)}" >> "$raw/sizes.json"
  if [ "$r" = 1 ]; then "${tool[@]}" lucene-corpus --index "$work/ours" --out "$work/lucene-corpus.jsonl"; fi
  rm -rf "$work/lucene"
  TIME_V=1 bash "$lucene/run.sh" index --corpus "$work/lucene-corpus.jsonl" --out "$work/lucene" > "$raw/lucene-index-$r.json" 2> "$raw/lucene-index-$r.time.log"
done
rm -rf "$work/ours-x"
fi

echo "== queries in process: ours and Lucene, per class, with and without facets, with a language filter"
for r in $(seq 1 "$runs"); do
  # ids-only hits: the same unit of work the Lucene harness times (it loads only the ids of the top hits)
  "${tool[@]}" latency --index "$work/ours" --queries "$work/queries" --ids-only >> "$raw/ours-latency.json"
  "${tool[@]}" latency --index "$work/ours" --queries "$work/queries" --ids-only --facets >> "$raw/ours-latency.json"
  # the same, with the facets of the generation's frequent words counted ahead of time, as the service does (the
  # count runs before the warm-up; every other query still counts)
  "${tool[@]}" latency --index "$work/ours" --queries "$work/queries" --ids-only --facets --frequent-words >> "$raw/ours-latency.json" 2>> "$raw/frequent-words.log"
  # the same, with the counts of a search asked before reused (the service's facet cache; every timed query was asked in warm-up)
  "${tool[@]}" latency --index "$work/ours" --queries "$work/queries" --ids-only --facets --facet-cache >> "$raw/ours-latency.json"
  "${tool[@]}" latency --index "$work/ours" --queries "$work/queries" --ids-only --filter >> "$raw/ours-latency.json"
  # what counting facets adds, each query with and without in turn in one process (the process-to-process drift cancels)
  "${tool[@]}" facet-cost --index "$work/ours" --queries "$work/queries" >> "$raw/ours-facet-cost.json" 2>> "$raw/frequent-words.log"
  # what the API does besides: snippets cut from the text, and the entities of each hit
  "${tool[@]}" latency --index "$work/ours" --queries "$work/queries" >> "$raw/ours-latency.json"
  for cls in rare common and or phrase prefix fuzzy; do
    for facets in "" "--facets"; do
      out=$(bash "$lucene/run.sh" search --index "$work/lucene" --queries "$work/queries/$cls.tsv" --k 10 $facets --repeat 5 --op AND --run "$raw/lucene-$cls.trec" 2>/dev/null | tail -1)
      echo "{\"engine\": \"lucene\", \"class\": \"$cls\", \"facets\": $([ -n "$facets" ] && echo true || echo false), \"filter\": false, \"report\": $out}" >> "$raw/lucene-latency.json"
    done
    awk -F'\t' '{ print $1 "\t+(" $2 ") +lang:" (($1 ~ /-fa-/) ? "fa" : "en") }' "$work/queries/$cls.tsv" > "$work/queries/$cls.filter.tsv"
    out=$(bash "$lucene/run.sh" search --index "$work/lucene" --queries "$work/queries/$cls.filter.tsv" --k 10 --repeat 5 --run "$raw/lucene-$cls-filter.trec" 2>/dev/null | tail -1)
    echo "{\"engine\": \"lucene\", \"class\": \"$cls\", \"facets\": false, \"filter\": true, \"report\": $out}" >> "$raw/lucene-latency.json"
  done
done

echo "== service: cold start, HTTP latency and throughput, resident memory"
port=5187
for r in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  (cd "$root/src/Search.Api" && Search__IndexPath="$work/ours" Search__Sources__0="$work/source" Search__DocumentsPath="$work/documents" \
     Access__ReadsPerMinute=100000000 exec dotnet bin/Release/net10.0/Search.Api.dll --urls "http://127.0.0.1:$port" > "$raw/service-$r.log" 2>&1) &
  service=$!
  until curl -sf "http://127.0.0.1:$port/api/search?q=evin" > /dev/null 2>&1; do sleep 0.05; done
  ready=$(date +%s.%N)
  echo "{\"label\": \"cold-start-$r\", \"seconds\": $(printf "%.3f" "$(echo "$ready - $start" | bc)")}" >> "$raw/timings.json"
  pid=$(pgrep -f "Search.Api.dll --urls http://127.0.0.1:$port" | head -1)
  # The first faceted search starts counting the frequent words' facets in the background (half a minute at 1M
  # documents here): the load runs begin when it is done, as they would on a service that has been up a while.
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$port/health" | grep -q '"countingAhead": *false' && break; sleep 1
  done
  # One client: the service's latency per query class; eight: throughput and latency under load.
  for mode in "" "--facets" "--filter"; do
    "${tool[@]}" load --url "http://127.0.0.1:$port" --queries "$work/queries" --concurrency 1 --seconds 20 $mode >> "$raw/http.json"
  done
  "${tool[@]}" load --url "http://127.0.0.1:$port" --queries "$work/queries" --concurrency 8 --seconds 20 >> "$raw/http.json"
  "${tool[@]}" load --url "http://127.0.0.1:$port" --queries "$work/queries" --concurrency 8 --seconds 20 --facets >> "$raw/http.json"
  echo "{\"label\": \"service-rss-$r\", \"peak_rss_kib\": $(grep VmHWM /proc/$pid/status | awk '{print $2}')}" >> "$raw/timings.json"
  kill "$pid" 2>/dev/null || true; wait "$service" 2>/dev/null || true
done

python3 "$here/report.py" "$work" "$(nproc)" > "$here/results/report-$docs.md"
cat "$here/results/report-$docs.md"
