#!/usr/bin/env python3
"""Writes N non-empty text lines from a corpus JSONL.gz (title and body lines), every k-th document: a fixed sample."""
import gzip, json, sys

path, n, every = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 7
out = 0
with gzip.open(path, "rt", encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i % every:
            continue
        doc = json.loads(line)
        for text in [doc.get("title", "")] + doc.get("body", "").split("\n"):
            text = text.strip()
            if len(text) >= 20:
                print(text)
                out += 1
                if out >= n:
                    sys.exit(0)
