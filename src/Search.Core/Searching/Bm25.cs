using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// BM25 over the columns of one generation, computed by us in memory (FTS5's bm25(), which this engine began with,
/// scored every matching row before it could sort them). Each column is scored on its own and the scores are added with the column's weight:
/// a match in the title counts three times one in the body. The tags column (entity mentions and facet tokens) counts
/// like body text, so a Persian document that names Khamenei is as relevant to "Khamenei" as an English one.
/// idf is log(1 + (N − n + 0.5) / (n + 0.5)): unlike the form FTS5 uses it never reaches zero, so the commonest terms
/// still rank and a tiny collection still has scores.
/// </summary>
internal sealed class Bm25
{
    public static readonly float[] Weights = [3f, 1f, 1f];

    private const float K1 = 1.2f;
    private const float B = 0.75f;

    // Per column, per rowid: K1 · (1 − B + B · length / average length), the part of the formula a document fixes.
    private readonly float[][] _norms;

    private Bm25(float[][] norms, int documents)
    {
        _norms = norms;
        Documents = documents;
    }

    public int Documents { get; }

    /// <summary>
    /// From every document's column lengths (terms per column, by rowid; 0 for rowids that hold no document) and the
    /// number of documents.
    /// </summary>
    public static Bm25 FromLengths(int[][] lengths, int documents)
    {
        var columns = lengths.Length;
        var totals = lengths.Select(l => l.Sum(n => (long)n)).ToArray();
        var norms = new float[columns][];
        for (var c = 0; c < columns; c++)
        {
            var average = documents == 0 ? 1f : Math.Max(1f, (float)totals[c] / documents);
            var norm = norms[c] = new float[lengths[c].Length];
            var column = lengths[c];
            for (var rowid = 0; rowid < norm.Length; rowid++)
            {
                norm[rowid] = K1 * (1 - B + (B * column[rowid] / average));
            }
        }

        return new Bm25(norms, documents);
    }

    /// <summary>The scores of the documents of one term's posting list in one column.</summary>
    public ScoredDocs Score(int column, PostingList postings)
    {
        var count = postings.Count;
        if (count == 0)
        {
            return ScoredDocs.Empty;
        }

        var holders = Math.Min(count, Documents);
        var idf = (float)Math.Log(1 + ((Documents - holders + 0.5) / (holders + 0.5)));
        var factor = Weights[column] * idf * (K1 + 1);
        var norm = _norms[column];
        var docs = postings.Docs;
        var frequencies = postings.Frequencies;
        var scores = new float[count];
        for (var i = 0; i < count; i++)
        {
            var doc = docs[i];
            float tf = frequencies[i];
            // A document newer than this generation's snapshot cannot be in its postings; K1 is an average length.
            scores[i] = factor * tf / (tf + (doc < norm.Length ? norm[doc] : K1));
        }

        return new ScoredDocs(docs, scores, count);
    }
}
