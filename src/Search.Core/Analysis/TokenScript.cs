namespace Search.Core.Analysis;

/// <summary>The writing system of a raw token; it decides which language chain analyzes it.</summary>
public enum TokenScript
{
    /// <summary>Latin letters, possibly with digits (e.g. "20th", "covid19").</summary>
    Latin,

    /// <summary>Arabic-script letters: Persian or Arabic words.</summary>
    Arabic,

    /// <summary>A number in any digit script, with its separators already interpreted.</summary>
    Number,
}
