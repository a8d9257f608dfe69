#!/usr/bin/env python3
"""
Derives the Persian stemmer's word lists from word frequencies in a Persian corpus (JSONL.gz):
- protected: frequent words ending in ان, ات or تر whose would-be stem is rare on its own (امکان, بحران, کیلومتر),
  so the ending belongs to the word and is not a suffix;
- exceptions: frequent plurals in ات of words ending in ه (مسابقات → مسابقه), whose singular the corpus shows.
Usage: persian_stem_lists.py corpus-fa.jsonl.gz MIN_FREQ > lists.txt
"""
import collections, gzip, json, re, sys

fold = str.maketrans({"\u064A": "\u06CC", "\u0649": "\u06CC", "\u0643": "\u06A9", "\u0629": "\u0647",
                      "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u200C": ""})
counts = collections.Counter()
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    for line in f:
        doc = json.loads(line)
        text = re.sub("[\u064B-\u065F\u0670\u0640]", "", (doc.get("title", "") + " " + doc.get("body", "")).translate(fold))
        counts.update(re.findall("[\u0621-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]+", text))

min_freq = int(sys.argv[2])
protected, exceptions = [], []
for word, n in counts.most_common():
    if n < min_freq:
        break
    for suffix in ("\u0627\u0646", "\u0627\u062A", "\u062A\u0631"):  # ان ات تر
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        stem = word[: -len(suffix)]
        if suffix == "\u0627\u0646" and stem.endswith("\u06AF"):  # ...گان is the plural of ...ه: the stemmer's own rule
            continue
        if suffix == "\u0627\u062A" and counts.get(stem + "\u0647", 0) >= 0.2 * n:
            exceptions.append((word, stem + "\u0647"))
        elif counts.get(stem, 0) < 0.05 * n:
            protected.append(word)

print("# protected")
print("\n".join(protected))
print("# exceptions")
print("\n".join(f"{w}\t{s}" for w, s in exceptions))
