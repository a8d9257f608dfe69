namespace Search.Core.Analysis;

/// <summary>
/// One analyzed term. <see cref="Start"/> and <see cref="End"/> are UTF-16 offsets into the original text
/// (End exclusive), so highlights can be cut from the text the user stored, not from a normalized copy.
/// </summary>
public readonly record struct Token(string Term, int Start, int End, int Position);
