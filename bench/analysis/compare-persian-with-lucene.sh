#!/usr/bin/env bash
# Persian normalization, token by token against Lucene 8.8.1's PersianAnalyzer, on real Persian text from
# ../shared/corpus (stemming off on our side: Lucene 8's Persian chain has no stemmer).
# Usage: bench/analysis/compare-persian-with-lucene.sh [LINES]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="$root/../shared"
lines="${1:-5000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The harness folder is read-only: compile a copy of it.
cp -r "$shared/peers/lucene" "$work/lucene" && chmod -R u+w "$work/lucene"
bash "$work/lucene/setup.sh" >/dev/null

python3 "$here/sample_lines.py" "$shared/corpus/corpus-fa.jsonl.gz" "$lines" > "$work/lines.txt"
dotnet build "$root/src/Search.Cli" -c Release -v quiet >/dev/null
dotnet "$root/src/Search.Cli/bin/Release/net10.0/search-cli.dll" analyze --analyzer fa --no-stem < "$work/lines.txt" > "$work/ours.txt"
bash "$work/lucene/run.sh" analyze --analyzer persian < "$work/lines.txt" > "$work/lucene.txt"
echo "$(wc -l < "$work/lines.txt") lines of Persian from corpus-fa"
python3 "$here/compare_with_lucene.py" "$work/ours.txt" "$work/lucene.txt"
