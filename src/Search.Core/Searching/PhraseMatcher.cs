using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// Finds the documents in which a phrase's terms stand at consecutive positions of one column. Each place in the
/// phrase is a slot: one term, or for a phrase that ends in a prefix, every term that starts with it. The documents
/// that hold every slot are found from the rowids alone; positions are then decoded only for those documents, one
/// slot at a time, keeping for each document the starts that are still followed by the phrase so far, so a document
/// leaves as soon as its phrase breaks off. The positions of documents that cannot match are skipped, not decoded.
/// </summary>
internal static class PhraseMatcher
{
    /// <summary>The matching rowids, ascending.</summary>
    public static int[] Match(IReadOnlyList<IReadOnlyList<TermChunks>> slots)
    {
        if (slots.Count == 0 || slots.Any(s => s.Count == 0))
        {
            return [];
        }

        var candidates = slots.Select(SlotDocuments).Aggregate(Intersect);
        if (candidates.Length == 0)
        {
            return candidates;
        }

        var (starts, startOffsets) = Gather(slots[0], candidates);
        for (var slot = 1; slot < slots.Count && candidates.Length > 0; slot++)
        {
            var (positions, offsets) = Gather(slots[slot], candidates);
            (candidates, starts, startOffsets) = Follow(candidates, starts, startOffsets, positions, offsets, slot);
        }

        return candidates;
    }

    /// <summary>
    /// Keeps the starts s of each document for which s + <paramref name="distance"/> is among the document's positions
    /// of the next slot, and the documents that keep any.
    /// </summary>
    private static (int[] Candidates, int[] Starts, int[] Offsets) Follow(int[] candidates, int[] starts, int[] startOffsets, int[] positions, int[] offsets, int distance)
    {
        var keptCandidates = new List<int>(candidates.Length);
        var keptStarts = new List<int>(starts.Length);
        var keptOffsets = new List<int>(candidates.Length + 1) { 0 };
        for (var c = 0; c < candidates.Length; c++)
        {
            var before = keptStarts.Count;
            int s = startOffsets[c], sEnd = startOffsets[c + 1], p = offsets[c], pEnd = offsets[c + 1];
            while (s < sEnd && p < pEnd)
            {
                var wanted = starts[s] + distance;
                if (positions[p] < wanted)
                {
                    p++;
                }
                else
                {
                    if (positions[p] == wanted)
                    {
                        keptStarts.Add(starts[s]);
                    }

                    s++;
                }
            }

            if (keptStarts.Count > before)
            {
                keptCandidates.Add(candidates[c]);
                keptOffsets.Add(keptStarts.Count);
            }
        }

        return ([.. keptCandidates], [.. keptStarts], [.. keptOffsets]);
    }

    /// <summary>
    /// The positions of a slot's terms in each candidate, ascending: positions[offsets[c]..offsets[c + 1]] belong to
    /// candidates[c]. Documents that are not candidates have their positions skipped.
    /// </summary>
    private static (int[] Positions, int[] Offsets) Gather(IReadOnlyList<TermChunks> slot, int[] candidates)
    {
        // (candidate index, position) packed in one long, so that the positions of several terms sort into place.
        var found = new List<long>();
        foreach (var term in slot)
        {
            var c = 0;
            for (var chunk = 0; chunk < term.Data.Count && c < candidates.Length; chunk++)
            {
                var data = term.Data[chunk];
                var pos = term.Positions[chunk];
                int d = 0, p = 0;
                var count = (int)Varint.Read(data, ref d);
                long doc = 0;
                for (var i = 0; i < count && c < candidates.Length; i++)
                {
                    doc += (long)Varint.Read(data, ref d);
                    var frequency = (int)Varint.Read(data, ref d);
                    while (c < candidates.Length && candidates[c] < doc)
                    {
                        c++;
                    }

                    if (c < candidates.Length && candidates[c] == doc)
                    {
                        var position = 0;
                        for (var f = 0; f < frequency; f++)
                        {
                            position += (int)Varint.Read(pos, ref p);
                            found.Add(((long)c << 32) | (uint)position);
                        }
                    }
                    else
                    {
                        Varint.Skip(pos, ref p, frequency);
                    }
                }
            }
        }

        if (slot.Count > 1)
        {
            found.Sort();
        }

        var positions = new int[found.Count];
        var offsets = new int[candidates.Length + 1];
        for (var i = 0; i < found.Count; i++)
        {
            positions[i] = (int)(found[i] & 0xFFFFFFFF);
            offsets[(int)(found[i] >> 32) + 1]++;
        }

        for (var c = 0; c < candidates.Length; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        return (positions, offsets);
    }

    /// <summary>The rowids of the documents that hold any of a slot's terms, ascending, each once.</summary>
    private static int[] SlotDocuments(IReadOnlyList<TermChunks> slot)
    {
        var lists = slot.Select(t => PostingList.Decode(t.Data).Docs).ToList();
        return lists.Count == 1 ? lists[0] : [.. lists.SelectMany(d => d).Distinct().Order()];
    }

    private static int[] Intersect(int[] a, int[] b)
    {
        var both = new List<int>(Math.Min(a.Length, b.Length));
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j])
            {
                i++;
            }
            else if (a[i] > b[j])
            {
                j++;
            }
            else
            {
                both.Add(a[i]);
                i++;
                j++;
            }
        }

        return [.. both];
    }
}
