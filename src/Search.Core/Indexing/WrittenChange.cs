namespace Search.Core.Indexing;

/// <summary>
/// What a writer changed in a generation's file, for a state held in memory to extend itself by it (see
/// <c>SearchIndex.Extend</c>): the rows it deleted, and the terms whose postings it wrote, per column, or null when it
/// wrote more than it lists (a large run: the reader then finds them in the file).
/// </summary>
public sealed record WrittenChange(IReadOnlyList<long> DeletedRows, IReadOnlySet<(int Column, string Term)>? Terms);
