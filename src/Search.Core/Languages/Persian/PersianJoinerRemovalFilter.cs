using Search.Core.Analysis;

namespace Search.Core.Languages.Persian;

/// <summary>
/// The last Persian stage: removes the ZWNJ that earlier stages kept as a word-part boundary, so every spelling of
/// a word ("می‌خواهم", "میخواهم", "می خواهم") ends as one term. Runs whether or not the stemmer does.
/// </summary>
public sealed class PersianJoinerRemovalFilter : ITokenFilter
{
    public string Name => "persian-remove-joiners";

    public void Apply(List<WorkToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Script == TokenScript.Arabic)
            {
                t.Term = PersianLetters.RemoveJoiners(t.Term);
                tokens[i] = t;
            }
        }
    }
}
