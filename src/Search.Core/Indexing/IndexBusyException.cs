namespace Search.Core.Indexing;

/// <summary>
/// Another process holds the index directory's <see cref="WriterClaim"/>: nothing was written, and the same write
/// can be made again once that process is done.
/// </summary>
public sealed class IndexBusyException(string message) : IOException(message);
