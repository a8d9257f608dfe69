namespace Search.Core.Analysis;

/// <summary>A token as it moves through the filter stages: stages rewrite it with <c>with</c> and store it back.</summary>
public record struct WorkToken(string Term, int Start, int End, int Position, TokenScript Script);
