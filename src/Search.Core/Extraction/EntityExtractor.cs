using Search.Core.Analysis;

namespace Search.Core.Extraction;

/// <summary>
/// Finds every entity in a text, in an order that settles overlaps: gazetteer names first (the most certain), then
/// dates (so "August 28, 2016" is not read as figures), then figures, then names found by their shape. A word
/// claimed by one is not looked at by the next.
/// </summary>
public sealed class EntityExtractor(GazetteerMatcher gazetteer, PersonDiscovery discovery)
{
    public GazetteerMatcher Gazetteer => gazetteer;

    /// <param name="text">The original text.</param>
    /// <param name="tokens">Its tokens from the gazetteer's analyzer, when the caller has them already.</param>
    /// <param name="split">The text as <see cref="ScriptTokenizer.Tokenize"/> splits it, when the caller has that already.</param>
    public IReadOnlyList<Entity> Extract(string text, IReadOnlyList<Token>? tokens = null, IReadOnlyList<WorkToken>? split = null)
    {
        split ??= ScriptTokenizer.Tokenize(text);
        tokens ??= gazetteer.Analyzer.Analyze(text, split);
        var entities = gazetteer.Match(text, tokens);
        var words = TextWord.Read(text, split);
        var used = new ClaimedWords(words.Count);
        var w = 0;
        foreach (var entity in entities)
        {
            while (w < words.Count && words[w].End <= entity.Start)
            {
                w++;
            }

            for (var k = w; k < words.Count && words[k].Start < entity.End; k++)
            {
                used.Add(k);
            }
        }

        entities.AddRange(DateExtractor.Find(text, words, used));
        entities.AddRange(FigureExtractor.Find(text, words, used));
        entities.AddRange(LinkSurnames(discovery.Find(text, words, used).ToList()));
        entities.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        return entities;
    }

    /// <summary>
    /// "Hamid Ghasemi … Dr Ghasemi": a surname alone, found after a title, is the person the document named in full,
    /// when exactly one full name found in the same document ends with it.
    /// </summary>
    private static IEnumerable<Entity> LinkSurnames(List<Entity> discovered)
    {
        var fullNames = discovered.Where(d => d.Value.Contains(' ') || d.Value.Contains('-')).ToList();
        foreach (var person in discovered)
        {
            if (person.Value.Contains(' ') || person.Value.Contains('-'))
            {
                yield return person;
                continue;
            }

            var candidates = fullNames.Where(f => f.Value.EndsWith(" " + person.Value, StringComparison.Ordinal) || f.Value.EndsWith("-" + person.Value, StringComparison.Ordinal))
                .Select(f => (f.Value, f.Label)).Distinct().ToList();
            yield return candidates.Count == 1 ? person with { Value = candidates[0].Value, Label = candidates[0].Label } : person;
        }
    }
}
