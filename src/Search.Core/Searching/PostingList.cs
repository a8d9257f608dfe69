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
}
