namespace Search.Core.Analysis;

/// <summary>A token as it moves through the filter stages: stages rewrite it with <c>with</c> and store it back.</summary>
public record struct WorkToken(string Term, int Start, int End, int Position, TokenScript Script)
{
    /// <summary>
    /// True when only white space (one or two characters: a space, a line break, \r\n) separates this token from the
    /// previous one, so that a detached Persian prefix or suffix may be joined across it.
    /// </summary>
    public bool FollowsSpace { get; set; }

    /// <summary>The term's number for the indexer, set by the term stages when they are asked for it (see <see cref="TermStages.Apply(List{WorkToken}, Func{string, int})"/>).</summary>
    internal int Number { get; set; }
}
