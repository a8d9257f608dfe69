namespace Search.Core.Searching;

/// <summary>An index file written by another version of the schema: it cannot be served and must be rebuilt.</summary>
public sealed class IndexFormatException : Exception
{
    public IndexFormatException(string message)
        : base(message)
    {
    }

    public IndexFormatException()
    {
    }

    public IndexFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
