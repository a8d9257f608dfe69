namespace Search.Core.Searching;

/// <summary>The query text is not a valid query; <see cref="Position"/> is the UTF-16 offset where the problem is.</summary>
public sealed class QueryParseException : Exception
{
    public QueryParseException(string message, int position)
        : base(message)
    {
        Position = position;
    }

    public QueryParseException()
    {
    }

    public QueryParseException(string message)
        : base(message)
    {
    }

    public QueryParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Position { get; }
}
