using Microsoft.Data.Sqlite;
using Search.Core.Indexing;

namespace Search.Core.Searching;

/// <summary>
/// Evaluates a <see cref="MatchExpression"/> to scored documents. Single terms and prefixes are read from our
/// postings and scored with BM25 in memory; phrases, which need positions, are matched by FTS5 (rowids only, which
/// is cheap; scoring there is what is not) and scored by their terms. Boolean operators are merges of sorted sets.
/// </summary>
internal sealed class MatchEvaluator(PostingsReader postings, TermScoreCache cache, Bm25 bm25, Snapshot snapshot, int snapshotRows)
{
    private const int AllColumns = 0b111;

    // Cache keys of whole words carry this bit beside their column mask, so they never meet a single term's key.
    private const int WordKey = 0x100;

    public ScoredDocs Evaluate(MatchExpression expression) => Evaluate(expression, AllColumns);

    private ScoredDocs Evaluate(MatchExpression expression, int columns) => expression switch
    {
        TermsMatch terms => Terms(terms, columns),
        // Nested column filters narrow each other, as in FTS5.
        ColumnsMatch inColumns => Evaluate(inColumns.Inner, columns & Mask(inColumns.Columns)),
        AnyMatch any => ScoredDocs.Union([.. any.Parts.Select(p => Evaluate(p, columns))]),
        AllMatch all => ScoredDocs.Intersect([.. all.Parts.Select(p => Evaluate(p, columns))]),
        ButNotMatch butNot => ScoredDocs.Except(Evaluate(butNot.Include, columns), Evaluate(butNot.Exclude, columns)),
        WordMatch word => cache.GetOrAdd(columns | WordKey, word.Inner.ToFts(), () => Evaluate(word.Inner, columns)),
        _ => throw new InvalidOperationException($"Unknown match expression {expression.GetType().Name}."),
    };

    private ScoredDocs Terms(TermsMatch match, int columns)
    {
        // FTS5 splits a quoted string with its tokenizer: so do we, so both see the same tokens.
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

    /// <summary>Every indexed term that starts with the prefix, each scored as a term; FTS5 when there are too many.</summary>
    private ScoredDocs Prefix(string prefix, int columns)
    {
        var parts = new List<ScoredDocs>();
        foreach (var column in Columns(columns))
        {
            var terms = snapshot.Read(c => postings.TermsStartingWith(c, column, prefix, PostingsReader.MaxPrefixExpansions + 1));
            if (terms.Count > PostingsReader.MaxPrefixExpansions)
            {
                return Constant(Rowids(new ColumnsMatch(Names(columns), new TermsMatch([prefix], Prefix: true)).ToFts()));
            }

            parts.AddRange(terms.Select(t => Term(t, 1 << column)));
        }

        return ScoredDocs.Union(parts);
    }

    /// <summary>A phrase: FTS5 finds the documents that hold it, and each is scored by the phrase's terms.</summary>
    private ScoredDocs Phrase(TermsMatch match, List<string> tokens, int columns)
    {
        var docs = Rowids(new ColumnsMatch(Names(columns), match).ToFts());
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

    /// <summary>Documents scored alike, by how rare the set is: a broad prefix says little about each document.</summary>
    private ScoredDocs Constant(int[] docs)
    {
        var idf = (float)Math.Log(1 + ((bm25.Documents - docs.Length + 0.5) / (docs.Length + 0.5)));
        var scores = new float[docs.Length];
        Array.Fill(scores, Math.Max(idf, 0f));
        return new ScoredDocs(docs, scores, docs.Length);
    }

    // The chunks are read on the shared snapshot connection; decoding them, which is the longer part, happens outside it.
    private PostingList Postings(int column, string term) => PostingsReader.Decode(snapshot.Read(c => postings.ReadChunks(c, column, term)));

    /// <summary>The rowids FTS5 matches, ascending, limited to the documents of this generation's snapshot.</summary>
    private int[] Rowids(string fts) => snapshot.Read(connection =>
    {
        var rowids = new List<int>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT rowid FROM fts WHERE fts MATCH $m AND rowid < $n ORDER BY rowid";
        command.Parameters.AddWithValue("$m", fts);
        command.Parameters.AddWithValue("$n", snapshotRows);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rowids.Add((int)reader.GetInt64(0));
        }

        return rowids.ToArray();
    });

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

    private static string[] Names(int mask) => [.. Columns(mask).Select(c => PostingsBuffer.Columns[c])];
}
