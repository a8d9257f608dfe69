using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>The documents that hold one term in one column, rowids ascending, with how often each holds it.</summary>
internal sealed class PostingList(int[] docs, ushort[] frequencies)
{
    public static readonly PostingList Empty = new([], []);

    public int[] Docs => docs;

    public ushort[] Frequencies => frequencies;

    public int Count => docs.Length;

    /// <summary>Decodes the chunks of one term, in sequence order (see <see cref="PostingsBuffer"/> for the format).</summary>
    public static PostingList Decode(IReadOnlyList<byte[]> chunks)
    {
        var total = 0;
        foreach (var chunk in chunks)
        {
            var position = 0;
            total += (int)Varint.Read(chunk, ref position);
        }

        var docs = new int[total];
        var frequencies = new ushort[total];
        var i = 0;
        foreach (var chunk in chunks)
        {
            var position = 0;
            var count = (int)Varint.Read(chunk, ref position);
            long doc = 0;
            for (var n = 0; n < count; n++)
            {
                doc += (long)Varint.Read(chunk, ref position);
                docs[i] = (int)doc;
                frequencies[i] = (ushort)Math.Min(ushort.MaxValue, Varint.Read(chunk, ref position));
                i++;
            }
        }

        return new PostingList(docs, frequencies);
    }

    /// <summary>
    /// The documents of this list that are live: below <paramref name="rows"/> (a deleted document that was the last
    /// added keeps its postings past the live rows) and, when <paramref name="live"/> is given, marked in it.
    /// </summary>
    public PostingList Live(int rows, bool[]? live)
    {
        var end = docs.Length;
        while (end > 0 && docs[end - 1] >= rows)
        {
            end--;
        }

        var kept = end;
        if (live is not null)
        {
            for (var i = 0; i < end; i++)
            {
                if (!live[docs[i]])
                {
                    kept--;
                }
            }
        }

        if (kept == docs.Length)
        {
            return this;
        }

        var liveDocs = new int[kept];
        var liveFrequencies = new ushort[kept];
        var at = 0;
        for (var i = 0; i < end; i++)
        {
            if (live is null || live[docs[i]])
            {
                liveDocs[at] = docs[i];
                liveFrequencies[at++] = frequencies[i];
            }
        }

        return new PostingList(liveDocs, liveFrequencies);
    }
}
