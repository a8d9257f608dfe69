namespace Search.Core.Analysis;

/// <summary>A token as it moves through the filter stages: stages rewrite it with <c>with</c> and store it back.</summary>
public record struct WorkToken(string Term, int Start, int End, int Position, TokenScript Script)
{
    /// <summary>
    /// True when only white space (one or two characters: a space, a line break, \r\n) separates this token from the
    /// previous one, so that a detached Persian prefix or suffix may be joined across it.
    /// </summary>
    public bool FollowsSpace { get; set; }

    /// <summary>Where a term stage run found this token's term, with its number; stale when a later stage rewrote the term.</summary>
    internal TermStages.Result? Result { get; set; }
}
