using Search.Core.Analysis;

namespace Search.Core.Languages.Persian;

/// <summary>
/// The last Persian stage: removes the ZWNJ that earlier stages kept as a word-part boundary, so every spelling of
/// a word ("می‌خواهم", "میخواهم", "می خواهم") ends as one term. Runs whether or not the stemmer does.
/// </summary>
public sealed class PersianJoinerRemovalFilter : ITermFilter
{
    public string Name => "persian-remove-joiners";

    public void Apply(List<WorkToken> tokens) => ITermFilter.ApplyEach(this, tokens);

    public string? Map(TokenScript script, string term) => script == TokenScript.Arabic ? PersianLetters.RemoveJoiners(term) : term;
}
