using Search.Core.Analysis;

namespace Search.Core.Languages.Persian;

/// <summary>Stems Arabic-script tokens with <see cref="PersianStemmer"/>.</summary>
public sealed class PersianStemFilter(PersianStemmer stemmer) : ITermFilter
{
    public string Name => "persian-stem";

    public void Apply(List<WorkToken> tokens) => ITermFilter.ApplyEach(this, tokens);

    public string? Map(TokenScript script, string term) => script == TokenScript.Arabic ? stemmer.Stem(term) : term;
}
