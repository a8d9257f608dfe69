namespace Search.Core.Searching;

/// <summary>A parsed query: a tree built from the user's text, from which the match expression and the filters are compiled.</summary>
public abstract record QueryNode;

/// <summary>A word (or a hyphenated compound) in a field, or in the default fields when Field is null.</summary>
public sealed record TermNode(string? Field, string Text) : QueryNode;

/// <summary>"quoted words": the words in this order, next to each other.</summary>
public sealed record PhraseNode(string? Field, string Text) : QueryNode;

/// <summary>prefix*: every word that starts with the analyzed prefix.</summary>
public sealed record PrefixNode(string? Field, string Text) : QueryNode;

/// <summary>word~N: every indexed word within N edits of the word.</summary>
public sealed record FuzzyNode(string? Field, string Text, int MaxEdits) : QueryNode;

/// <summary>field:[low TO high], field:{low TO high}, field:>x and the like; a bound of null is open.</summary>
public sealed record RangeNode(string Field, string? Low, string? High, bool IncludeLow, bool IncludeHigh) : QueryNode;

/// <summary>How a clause takes part in a boolean query.</summary>
public enum Occur
{
    Must,
    Should,
    MustNot,
}

public sealed record Clause(Occur Occur, QueryNode Node);

/// <summary>Clauses combined: all Must, at least one Should when there is no Must, no MustNot.</summary>
public sealed record BooleanNode(IReadOnlyList<Clause> Clauses) : QueryNode;

/// <summary>The empty query: every document.</summary>
public sealed record MatchAllNode : QueryNode;
