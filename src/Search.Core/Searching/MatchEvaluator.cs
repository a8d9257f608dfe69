using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// Evaluates a <see cref="MatchExpression"/> to scored documents. Single terms and prefixes are read from our
/// postings and scored with BM25 in memory; phrases are matched on the positions in the postings
/// (<see cref="PhraseMatcher"/>) and scored by their terms. Boolean operators are merges of sorted sets.
/// Only live documents come out: the postings of deleted documents stay in the file until a full build, and are
/// dropped here, as they are read (<paramref name="live"/> marks the live rowids below <paramref name="rows"/>; null
/// when every one of them is). A search can then rank and count its matches without asking of each whether it is live,
/// and a term's weight counts the documents that hold it now.
/// </summary>
internal sealed class MatchEvaluator(PostingsReader postings, TermScoreCache cache, Bm25 bm25, Snapshot snapshot, int rows, bool[]? live, Func<Vocabulary> vocabulary)
{
    private const int AllColumns = 0b111;

    // Cache keys of whole words carry this bit beside their column mask, so they never meet a single term's key.
    private const int WordKey = 0x100;

    public ScoredDocs Evaluate(MatchExpression expression) => Evaluate(expression, AllColumns);

    private ScoredDocs Evaluate(MatchExpression expression, int columns) => expression switch
    {
        TermsMatch terms => Terms(terms, columns),
        // Nested column filters narrow each other, as FTS5 syntax has it.
        ColumnsMatch inColumns => Evaluate(inColumns.Inner, columns & Mask(inColumns.Columns)),
        AnyMatch any => ScoredDocs.Union([.. any.Parts.Select(p => Evaluate(p, columns))]),
        AllMatch all => ScoredDocs.Intersect([.. all.Parts.Select(p => Evaluate(p, columns))]),
        ButNotMatch butNot => ScoredDocs.Except(Evaluate(butNot.Include, columns), Evaluate(butNot.Exclude, columns)),
        WordMatch word => cache.GetOrAdd(columns | WordKey, word.Inner.ToFts(), () => Evaluate(word.Inner, columns)),
        _ => throw new InvalidOperationException($"Unknown match expression {expression.GetType().Name}."),
    };

    private ScoredDocs Terms(TermsMatch match, int columns)
    {
        // A quoted string is split as the indexed text was.
        var tokens = match.Terms.SelectMany(FtsTokens.Split).ToList();
        if (tokens.Count == 0 || columns == 0)
        {
            return ScoredDocs.Empty;
        }

        if (tokens.Count == 1)
        {
            return match.Prefix ? Prefix(tokens[0], columns) : Term(tokens[0], columns);
        }

        return Phrase(match, tokens, columns);
    }

    private ScoredDocs Term(string term, int columns) =>
        cache.GetOrAdd(columns, term, () => ScoredDocs.Union([.. Columns(columns).Select(c => bm25.Score(c, Postings(c, term)))]));

    /// <summary>Every indexed term that starts with the prefix, each scored as a term; scored alike when there are too many.</summary>
    private ScoredDocs Prefix(string prefix, int columns)
    {
        var parts = new List<ScoredDocs>();
        foreach (var column in Columns(columns))
        {
            var terms = vocabulary().ColumnTermsStartingWith(column, prefix, PostingsReader.MaxPrefixExpansions + 1);
            if (terms.Count > PostingsReader.MaxPrefixExpansions)
            {
                return Constant(AnyColumn(columns, c => snapshot.Read(r => postings.DocumentsWithPrefix(r, c, prefix, rows, live))));
            }

            parts.AddRange(terms.Select(t => Term(t, 1 << column)));
        }

        return ScoredDocs.Union(parts);
    }

    /// <summary>A phrase: the documents that hold it in any of the columns, each scored by the phrase's terms.</summary>
    private ScoredDocs Phrase(TermsMatch match, List<string> tokens, int columns)
    {
        var docs = AnyColumn(columns, c => PhraseDocuments(c, tokens, match.Prefix));
        var scores = new float[docs.Length];
        foreach (var token in match.Prefix ? tokens.SkipLast(1) : tokens)
        {
            var term = Term(token, columns);
            var at = 0;
            for (var i = 0; i < docs.Length; i++)
            {
                at = ScoredDocs.Seek(term.Docs, term.Count, at, docs[i]);
                if (at < term.Count && term.Docs[at] == docs[i])
                {
                    scores[i] += term.Scores[at];
                }
            }
        }

        return new ScoredDocs(docs, scores, docs.Length);
    }

    /// <summary>The documents found in any of the columns, ascending, each once.</summary>
    private static int[] AnyColumn(int columns, Func<int, int[]> documents)
    {
        var found = Columns(columns).Select(documents).ToList();
        if (found.Count == 1)
        {
            return found[0];
        }

        var union = ScoredDocs.Union([.. found.Select(d => new ScoredDocs(d, new float[d.Length], d.Length))]);
        return union.Docs[..union.Count];
    }

    private int[] PhraseDocuments(int column, List<string> tokens, bool prefix)
    {
        // Read on the snapshot connection; matching, the longer part, happens outside it.
        var slots = snapshot.Read(connection => tokens
            .Select((token, i) => prefix && i == tokens.Count - 1
                ? postings.ReadPrefixWithPositions(connection, column, token)
                : (IReadOnlyList<TermChunks>)[postings.ReadChunksWithPositions(connection, column, token)])
            .Select(slot => (IReadOnlyList<TermChunks>)[.. slot.Where(t => t.Data.Count > 0)])
            .ToList());
        return Live(PhraseMatcher.Match(slots));
    }

    /// <summary>The live documents of an ascending set.</summary>
    private int[] Live(int[] docs)
    {
        var kept = 0;
        foreach (var doc in docs)
        {
            if (doc < rows && (live is null || live[doc]))
            {
                kept++;
            }
        }

        return kept == docs.Length ? docs : [.. docs.Where(d => d < rows && (live is null || live[d]))];
    }

    /// <summary>Documents scored alike, by how rare the set is: a broad prefix says little about each document.</summary>
    private ScoredDocs Constant(int[] docs)
    {
        var idf = (float)Math.Log(1 + ((bm25.Documents - docs.Length + 0.5) / (docs.Length + 0.5)));
        var scores = new float[docs.Length];
        Array.Fill(scores, Math.Max(idf, 0f));
        return new ScoredDocs(docs, scores, docs.Length);
    }

    // The chunks are read on the shared snapshot connection; decoding them, which is the longer part, happens outside it.
    private PostingList Postings(int column, string term) => PostingsReader.Decode(snapshot.Read(c => postings.ReadChunks(c, column, term))).Live(rows, live);

    private static int Mask(IReadOnlyList<string> names)
    {
        var mask = 0;
        foreach (var name in names)
        {
            var index = Array.IndexOf(PostingsBuffer.Columns, name);
            if (index < 0)
            {
                throw new InvalidOperationException($"Unknown full-text column '{name}'.");
            }

            mask |= 1 << index;
        }

        return mask;
    }

    private static IEnumerable<int> Columns(int mask) => Enumerable.Range(0, PostingsBuffer.Columns.Length).Where(c => (mask & (1 << c)) != 0);
}
