#!/usr/bin/env python3
"""
Compares our analyzer's tokens with Lucene 8's PersianAnalyzer, line by line, on the same input.
Usage: compare_with_lucene.py OURS.txt LUCENE.txt
OURS is `search-cli analyze --analyzer fa --no-stem` output (term/start/end, TAB separated);
LUCENE is `run.sh analyze --analyzer persian` output (term/start/end/posInc). Lucene's index forms use Arabic
yeh and kaf; they are mapped to Persian ی and ک before comparing.
Reports: of the tokens both analyzers emit at the same offsets, how many have the same term; and what the
disagreements and the tokens only one side emits look like.
"""
import collections, sys

def parse(line, fields):
    tokens = {}
    for item in line.rstrip("\n").split("\t"):
        if not item:
            continue
        parts = item.rsplit("/", fields - 1)
        term, start, end = parts[0], int(parts[1]), int(parts[2])
        tokens[(start, end)] = term
    return tokens

to_persian = str.maketrans({"\u064A": "\u06CC", "\u0643": "\u06A9"})
ours_lines = open(sys.argv[1], encoding="utf-8").readlines()
lucene_lines = open(sys.argv[2], encoding="utf-8").readlines()
assert len(ours_lines) == len(lucene_lines), (len(ours_lines), len(lucene_lines))

same = differ = only_lucene = only_ours = 0
differences = collections.Counter()
lucene_only = collections.Counter()
ours_only = collections.Counter()
for o_line, l_line in zip(ours_lines, lucene_lines):
    ours = parse(o_line, 3)
    lucene = {k: v.translate(to_persian) for k, v in parse(l_line, 4).items()}
    for span, term in lucene.items():
        if span in ours:
            if ours[span] == term:
                same += 1
            else:
                differ += 1
                differences[(term, ours[span])] += 1
        else:
            only_lucene += 1
            lucene_only[term] += 1
    for span, term in ours.items():
        if span not in lucene:
            only_ours += 1
            ours_only[term] += 1

both = same + differ
print(f"tokens at the same offsets: {both}; same term: {same} ({100 * same / max(both, 1):.2f}%), different: {differ}")
# By design we also fold the hamza carriers ئ → ی and ؤ → و (رئیس = رییس, مسؤول = مسوول); Lucene keeps them.
hamza = str.maketrans({"\u0626": "\u06CC", "\u0624": "\u0648"})
other = {k: n for k, n in differences.items() if k[0].translate(hamza) != k[1]}
print(f"differences other than the hamza-carrier folding: {sum(other.values())}")
for (l, o), n in sorted(other.items(), key=lambda x: -x[1])[:15]:
    print(f"  {n:6d}  {l} -> {o}")
print(f"tokens only Lucene emits: {only_lucene}; only we emit: {only_ours}")
print("most frequent differences (lucene -> ours):")
for (l, o), n in differences.most_common(15):
    print(f"  {n:6d}  {l} -> {o}")
print("most frequent Lucene-only terms (split at ZWNJ, or a stop word we keep elsewhere):")
for t, n in lucene_only.most_common(15):
    print(f"  {n:6d}  {t}")
print("most frequent our-only terms (joined words, or Lucene stop words):")
for t, n in ours_only.most_common(15):
    print(f"  {n:6d}  {t}")
