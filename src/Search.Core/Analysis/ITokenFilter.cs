namespace Search.Core.Analysis;

/// <summary>
/// One stage of an analyzer. A stage rewrites, merges or removes tokens in the list; it never reorders them,
/// and a removed token leaves its position unused so phrase distances stay true to the text.
/// </summary>
public interface ITokenFilter
{
    /// <summary>The stage's name as index-config/analyzers.json refers to it.</summary>
    string Name { get; }

    void Apply(List<WorkToken> tokens);
}
