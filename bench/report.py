#!/usr/bin/env python3
"""Turns bench/work/DOCS/raw into the Markdown report: medians of the runs, ours beside Lucene, and the ratio."""
import json, platform, re, statistics, sys
from pathlib import Path

work = Path(sys.argv[1])
cores = sys.argv[2] if len(sys.argv) > 2 else "?"
raw = work / "raw"

def lines(name):
    path = raw / name
    return [json.loads(l) for l in path.read_text().splitlines() if l.strip()] if path.exists() else []

def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None

def fmt(v, digits=0):
    if v is None:
        return "–"
    return f"{v:,.{digits}f}"

def ratio(ours, theirs, lower_is_better=True):
    if ours is None or theirs in (None, 0):
        return "–"
    return f"{ours / theirs:.2f}×"

corpus = lines("corpus.json")[0]
docs, mb = corpus["docs"], corpus["corpus_bytes"] / 1e6
timings = lines("timings.json")
sizes = lines("sizes.json")
def timing(prefix, key="seconds"):
    # "ours-index-1" is a run of "ours-index"; "ours-index-noextract-1" is not.
    return median([t[key] for t in timings if re.fullmatch(re.escape(prefix) + r"-\d+", t["label"]) and key in t])

lucene_index = []
for path in sorted(raw.glob("lucene-index-*.json")):
    text = path.read_text().strip().splitlines()
    report = json.loads(text[-1])
    log = (raw / (path.stem + ".time.log")).read_text()
    rss = next((int(l.split()[-1]) for l in log.splitlines() if "Maximum resident set size" in l), None)
    lucene_index.append((report, rss))

ours_s = timing("ours-index")
ours_x_s = timing("ours-index-noextract")
luc_s = median([r["total_seconds"] for r, _ in lucene_index])
ours_rss = timing("ours-index", "peak_rss_kib")
luc_rss = median([rss for _, rss in lucene_index])
ours_size = median([s["bytes"] for s in sizes if re.fullmatch(r"ours-size-\d+", s["label"])])
ours_x_size = median([s["bytes"] for s in sizes if "noextract" in s["label"]])
luc_size = median([r["index_bytes"] for r, _ in lucene_index])

out = []
out.append(f"# Benchmark: {docs:,} documents ({mb:,.0f} MB of JSONL), this service against Lucene 8.8.1\n")
def runs(n):
    return f"{n} run{'s' if n != 1 else ''}"
query_runs = sum(1 for l in lines("lucene-latency.json") if l["class"] == "rare" and not l["facets"] and not l["filter"])
service_runs = sum(1 for t in timings if t["label"].startswith("cold-start"))
out.append(f"Machine: {cores} cores, {platform.machine()}, {platform.system()}. Each figure is a median: indexing of {runs(len(lucene_index))}, "
           f"queries in process of {runs(query_runs)}, the service of {runs(service_runs)} (raw results in bench/work/{work.name}/raw); "
           "latencies are nearest-rank percentiles over every timed query of 5 passes after warm-up, as the Lucene harness measures them.\n")
out.append("## Indexing\n")
out.append("| | ours | Lucene | ours / Lucene |\n|---|---:|---:|---:|")
out.append(f"| documents/s (with extraction) | {fmt(docs / ours_s if ours_s else None)} | {fmt(docs / luc_s if luc_s else None)} | {ratio(docs / ours_s if ours_s else None, docs / luc_s if luc_s else None)} |")
out.append(f"| documents/s (without extraction) | {fmt(docs / ours_x_s if ours_x_s else None)} | {fmt(docs / luc_s if luc_s else None)} | {ratio(docs / ours_x_s if ours_x_s else None, docs / luc_s if luc_s else None)} |")
out.append(f"| MB/s (with extraction) | {fmt(mb / ours_s if ours_s else None, 1)} | {fmt(mb / luc_s if luc_s else None, 1)} | {ratio(mb / ours_s if ours_s else None, mb / luc_s if luc_s else None)} |")
out.append(f"| index size, MB | {fmt(ours_size / 1e6 if ours_size else None)} ({fmt(ours_x_size / 1e6 if ours_x_size else None)} without extraction) | {fmt(luc_size / 1e6 if luc_size else None)} | {ratio(ours_size, luc_size)} |")
out.append(f"| peak memory of indexing, MB | {fmt(ours_rss / 1024 if ours_rss else None)} | {fmt(luc_rss / 1024 if luc_rss else None)} | {ratio(ours_rss, luc_rss)} |")
out.append("\nOur index stores the original text, the entities with their offsets and the facet values; Lucene's holds the fields it is given (the text is stored only for the id).\n")

ours_lat = lines("ours-latency.json")
luc_lat = lines("lucene-latency.json")
def ours_p(cls, facets, filt, key, snippets=False, cache=False, frequent=False):
    return median([l[key] for l in ours_lat if l["class"] == cls and l["facets"] == facets and l["filter"] == filt and l.get("snippets", True) == snippets
                   and l.get("facet_cache", False) == cache and l.get("frequent_words", False) == frequent])
def luc_p(cls, facets, filt, key):
    return median([l["report"][key] for l in luc_lat if l["class"] == cls and l["facets"] == facets and l["filter"] == filt])

for title, facets, filt in [("Queries without facets", False, False), ("Queries with facet counts", True, False), ("Queries with a language filter", False, True)]:
    out.append(f"\n## {title} (in process, µs)\n")
    out.append("| class | ours p50 | ours p95 | ours p99 | Lucene p50 | Lucene p95 | Lucene p99 | p99 ours / Lucene |\n|---|---:|---:|---:|---:|---:|---:|---:|")
    for cls in ["rare", "common", "and", "or", "phrase", "prefix", "fuzzy"]:
        o = [ours_p(cls, facets, filt, k) for k in ("p50_us", "p95_us", "p99_us")]
        l = [luc_p(cls, facets, filt, k) for k in ("p50_us", "p95_us", "p99_us")]
        out.append(f"| {cls} | {' | '.join(fmt(v) for v in o)} | {' | '.join(fmt(v) for v in l)} | {ratio(o[2], l[2])} |")

out.append("\nAbove, our hits are ids only, as the Lucene harness loads them. The API also cuts a snippet from each hit's text and lists its entities:\n")
out.append("| class | ours with snippets p50 | p95 | p99 |\n|---|---:|---:|---:|")
for cls in ["rare", "common", "and", "or", "phrase", "prefix", "fuzzy"]:
    out.append(f"| {cls} | {' | '.join(fmt(ours_p(cls, False, False, k, snippets=True)) for k in ('p50_us', 'p95_us', 'p99_us'))} |")

out.append("\n## Facet cost (ours: p99 with facets / p99 without)\n")
out.append("Above and in the first ratio, every faceted query counts its facets (the Lucene harness counts every time). The service "
           "also counts the facets of each generation's frequent words ahead of time, in the background (every word of the title "
           "and body columns in at least 20 documents), and a search for one such word without filters takes those counts: the "
           "second ratio is of that case, the counts being made before the warm-up, and every other query still counting. It also "
           "keeps the counts of recent searches of a generation (the same query, filters and values per dimension give the "
           "same counts): paging, going back, or a query asked again reuse them. The third ratio is of that case: each timed "
           "query had been asked in warm-up.\n")
out.append("| class | p99 without facets | p99 counted | ratio | p99 frequent words counted ahead | ratio | p99 counts reused | ratio |\n|---|---:|---:|---:|---:|---:|---:|---:|")
for cls in ["rare", "common", "and", "or", "phrase", "prefix", "fuzzy"]:
    plain, counted = ours_p(cls, False, False, 'p99_us'), ours_p(cls, True, False, 'p99_us')
    ahead = ours_p(cls, True, False, 'p99_us', frequent=True)
    reused = ours_p(cls, True, False, 'p99_us', cache=True, frequent=True)
    out.append(f"| {cls} | {fmt(plain)} | {fmt(counted)} | {ratio(counted, plain)} | {fmt(ahead)} | {ratio(ahead, plain)} | {fmt(reused)} | {ratio(reused, plain)} |")

paired = lines("ours-facet-cost.json")
if paired:
    out.append("\nThe ratios above are of separate processes, and the same run of the same build moves by a quarter between processes "
               "here. Measured in one process instead (`facet-cost`: every query without facets and with them in turn, the order "
               "alternating between passes, frequent words counted ahead as the service does, 20 passes: each figure of "
               "1,000 queries), medians over the runs:\n")
    out.append("| class | p50 without | p50 with | p99 without | p99 with | ratio of p99s |\n|---|---:|---:|---:|---:|---:|")
    for cls in ["rare", "common", "and", "or", "phrase", "prefix", "fuzzy"]:
        pick = lambda facets, key: median([l[key] for l in paired if l["class"] == cls and l["facets"] == facets])
        out.append(f"| {cls} | {fmt(pick(False, 'p50_us'))} | {fmt(pick(True, 'p50_us'))} | {fmt(pick(False, 'p99_us'))} | {fmt(pick(True, 'p99_us'))} | {ratio(pick(True, 'p99_us'), pick(False, 'p99_us'))} |")

http = lines("http.json")
def http_runs(concurrency, facets, filt):
    return [h for h in http if h.get("concurrency") == concurrency and h.get("facets", False) == facets and h.get("filter", False) == filt]

out.append("\n## Service over HTTP, one client: latency per query class (µs, a separate load process, 20 s per mode)\n")
out.append("With facets, here and under load, the requests ask for the counts afresh (`facetCache=false`: neither reused nor counted ahead), as the in-process figures count them; the service is measured once it has counted its frequent words.\n")
out.append("| class | p50 | p95 | p99 | with facets p50 | p95 | p99 | with a language filter p50 | p95 | p99 |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for cls in ["rare", "common", "and", "or", "phrase", "prefix", "fuzzy"]:
    cells = []
    for facets, filt in [(False, False), (True, False), (False, True)]:
        runs = [h["classes"][cls] for h in http_runs(1, facets, filt) if cls in h.get("classes", {})]
        cells += [fmt(median([r[k] for r in runs])) for k in ("p50_us", "p95_us", "p99_us")]
    out.append(f"| {cls} | {' | '.join(cells)} |")

out.append("\n## Service over HTTP under load (8 concurrent clients, 20 s, a separate load process)\n")
out.append("| | requests/s | p50 µs | p95 µs | p99 µs | errors |\n|---|---:|---:|---:|---:|---:|")
for label, facets in [("without facets", False), ("with facets", True)]:
    chosen = http_runs(8, facets, False)
    out.append(f"| {label} | {fmt(median([h['throughput_rps'] for h in chosen]))} | {fmt(median([h['p50_us'] for h in chosen]))} | "
               f"{fmt(median([h['p95_us'] for h in chosen]))} | {fmt(median([h['p99_us'] for h in chosen]))} | {sum(h['errors'] for h in chosen)} |")
out.append(f"\nCold start to first answer: {fmt(timing('cold-start'), 2)} s. Service peak resident memory under load: {fmt((timing('service-rss', 'peak_rss_kib') or 0) / 1024)} MB.\n")
print("\n".join(out))
