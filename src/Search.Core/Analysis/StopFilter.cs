namespace Search.Core.Analysis;

/// <summary>
/// Removes tokens of one script whose term is in a stop list. The list holds the analyzed form of the chain at this
/// point (normalized Persian, folded Latin), which is why it runs after normalization and before stemming;
/// <paramref name="key"/> maps a term to that form (for Persian: without its ZWNJ).
/// </summary>
public sealed class StopFilter(string name, TokenScript script, IReadOnlySet<string> words, Func<string, string>? key = null) : ITermFilter
{
    private readonly TokenScript _script = script;

    public string Name => name;

    public IReadOnlySet<string> Words => words;

    public void Apply(List<WorkToken> tokens) => ITermFilter.ApplyEach(this, tokens);

    public string? Map(TokenScript script, string term) =>
        script == _script && words.Contains(key is null ? term : key(term)) ? null : term;
}
