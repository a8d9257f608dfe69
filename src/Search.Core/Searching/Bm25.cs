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

    // Per column, by rowid: the document's number of terms. Shared with the states extended from this one, which
    // append (see GrowingArray): only the first _rows are this state's.
    private readonly int[][] _lengths;
    private readonly int _rows;

    // Per column, K1 · (1 − B + B · length / average length), the part of the formula a document fixes, as
    // norm = fixed + perTerm · length: computed as each posting is scored, where a table of it by rowid (12 MB at a
    // million documents) had to be made again by every state, every average being new after a write.
    private readonly float[] _fixed;
    private readonly float[] _perTerm;

    private Bm25(int[][] lengths, int rows, long[] totals, int documents)
    {
        _lengths = lengths;
        _rows = rows;
        Documents = documents;
        Totals = totals;
        _fixed = new float[lengths.Length];
        _perTerm = new float[lengths.Length];
        for (var c = 0; c < lengths.Length; c++)
        {
            var average = documents == 0 ? 1f : Math.Max(1f, (float)totals[c] / documents);
            _fixed[c] = K1 * (1 - B);
            _perTerm[c] = K1 * B / average;
        }
    }

    public int Documents { get; }

    /// <summary>Per column, the terms of every live document together.</summary>
    public long[] Totals { get; }

    /// <summary>
    /// From every document's column lengths (terms per column, by rowid, for the first <paramref name="rows"/>; a rowid
    /// that holds no live document is never scored), their totals over the live documents, and the number of them.
    /// </summary>
    public static Bm25 FromLengths(int[][] lengths, int rows, long[] totals, int documents) => new(lengths, rows, totals, documents);

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
        var length = _lengths[column];
        var (fixedPart, perTerm, rows) = (_fixed[column], _perTerm[column], _rows);
        var docs = postings.Docs;
        var frequencies = postings.Frequencies;
        var scores = new float[count];
        for (var i = 0; i < count; i++)
        {
            var doc = docs[i];
            float tf = frequencies[i];
            // A document newer than this generation's snapshot cannot be in its postings; K1 is an average length.
            scores[i] = factor * tf / (tf + (doc < rows ? fixedPart + (perTerm * length[doc]) : K1));
        }

        return new ScoredDocs(docs, scores, count);
    }
}
