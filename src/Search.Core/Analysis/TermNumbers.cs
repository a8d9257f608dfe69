using System.Collections.Concurrent;

namespace Search.Core.Analysis;

/// <summary>
/// A number for every term the indexer has written, the same on every thread and for the life of the process: the
/// analysis threads hand the index writer numbers, and the writer finds a term's postings by indexing an array with
/// its number instead of hashing its characters (docs/performance.md, seventh round). The analyzers remember each
/// term's number beside what their stages made of it, so a term costs one lookup on a thread's first sight of it and
/// none after. Only the indexer asks: a query never numbers its words, so what users type does not grow this table;
/// it holds the indexed vocabulary (229,000 terms in all columns at a million documents).
/// </summary>
public static class TermNumbers
{
    private static readonly ConcurrentDictionary<string, int> Numbers = new(StringComparer.Ordinal);
    private static readonly object Growing = new();
    private static volatile string[] s_terms = new string[1024];
    private static int s_count;

    /// <summary>The number of <paramref name="term"/>, given now if it has none.</summary>
    public static int Of(string term)
    {
        if (Numbers.TryGetValue(term, out var number))
        {
            return number;
        }

        lock (Growing)
        {
            if (Numbers.TryGetValue(term, out number))
            {
                return number;
            }

            number = s_count;
            var terms = s_terms;
            if (number == terms.Length)
            {
                Array.Resize(ref terms, terms.Length * 2);
            }

            // The term is in the array before its number is in the dictionary, so whoever has the number finds it.
            terms[number] = term;
            s_terms = terms;
            s_count = number + 1;
            Numbers[term] = number;
            return number;
        }
    }

    /// <summary>The term numbered <paramref name="number"/>.</summary>
    public static string Term(int number) => s_terms[number];
}
