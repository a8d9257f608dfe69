using Microsoft.Data.Sqlite;

namespace Search.Core.Searching;

/// <summary>
/// The indexed terms with their document frequencies, read once through fts5vocab when a fuzzy query first needs
/// them. Fuzzy matching compares against these, so "Khamenie~" finds the spelling the documents actually use.
/// </summary>
internal sealed class Vocabulary
{
    private readonly (string Term, long Documents)[] _terms;

    private Vocabulary((string, long)[] terms)
    {
        _terms = terms;
    }

    public static Vocabulary Load(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, fts, col)";
            create.ExecuteNonQuery();
        }

        var terms = new List<(string, long)>();
        using var command = connection.CreateCommand();
        // Only words of the text columns: facet tokens in the tags column are not words anybody misspells.
        command.CommandText = "SELECT term, sum(doc) FROM temp.vocab WHERE col IN ('title', 'body') GROUP BY term";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            terms.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return new Vocabulary([.. terms]);
    }

    /// <summary>Indexed terms that start with <paramref name="prefix"/>, commonest first.</summary>
    public IReadOnlyList<(string Term, long Documents)> StartingWith(string prefix, int limit) =>
        [.. _terms.Where(t => t.Term.StartsWith(prefix, StringComparison.Ordinal) && !t.Term.Contains('_'))
            .OrderByDescending(t => t.Documents).ThenBy(t => t.Term, StringComparer.Ordinal).Take(limit)];

    public IReadOnlyList<string> Near(string term, int maxEdits)
    {
        if (maxEdits == 0)
        {
            return [];
        }

        var found = new List<(string Term, long Documents, int Distance)>();
        foreach (var (candidate, documents) in _terms)
        {
            if (Math.Abs(candidate.Length - term.Length) <= maxEdits && candidate != term)
            {
                var d = EditDistance.Bounded(term, candidate, maxEdits);
                if (d <= maxEdits)
                {
                    found.Add((candidate, documents, d));
                }
            }
        }

        return [.. found.OrderBy(f => f.Distance).ThenByDescending(f => f.Documents).ThenBy(f => f.Term, StringComparer.Ordinal).Select(f => f.Term)];
    }
}
