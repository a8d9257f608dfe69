using System.Text.Json;
using System.Text.RegularExpressions;

namespace Search.Core.Indexing;

/// <summary>
/// Where documents sent through the API live as files: one {id}.json each, in the corpus JSON format, so that they are
/// a source like any other and survive every rebuild. A file is written to a temporary name, flushed to disk and then
/// renamed over the old one: a crash leaves the old file or the new one, never half of either. A document deleted
/// through the API leaves a withdrawal, {id}.deleted, so that a reindex does not bring it back from a source folder
/// that still has it; writing the id again takes the withdrawal away.
/// </summary>
public sealed partial class DocumentFolder(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Ids are letters (any script), digits, '.', '_' and '-', starting with a letter or digit, up to 200 long.</summary>
    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}\p{Mn}._-]{0,199}$")]
    public static partial Regex IdPattern();

    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    public SourceDocument Write(string id, string? title, string body, string? byline, string? published, string? language)
    {
        Directory.CreateDirectory(Path);
        var json = JsonSerializer.Serialize(new { id, title, body, byline, date = published, lang = language });
        var target = FileOf(id);
        var temp = target + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
        {
            writer.Write(json);
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, target, overwrite: true);
        File.Delete(WithdrawalOf(id));
        var (document, problem) = JsonDocuments.FromJson(json, System.IO.Path.GetFileName(target));
        return document ?? throw new InvalidOperationException($"A document written by the API could not be read back: {problem}");
    }

    /// <summary>Deletes the document's file; false when there was none.</summary>
    public bool Delete(string id)
    {
        var file = FileOf(id);
        if (!File.Exists(file))
        {
            return false;
        }

        File.Delete(file);
        return true;
    }

    /// <summary>
    /// Withdraws an id from every source of later reindex runs (see <see cref="FolderSource.Withdrawn"/>), durably,
    /// before the document is deleted; true when this call withdrew it, false when it was withdrawn already.
    /// </summary>
    public bool Withdraw(string id)
    {
        var file = WithdrawalOf(id);
        if (File.Exists(file))
        {
            return false;
        }

        Directory.CreateDirectory(Path);
        using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Flush(flushToDisk: true);
        }

        return true;
    }

    /// <summary>Takes back a withdrawal this process made for an id that turned out to be nowhere.</summary>
    public void Unwithdraw(string id) => File.Delete(WithdrawalOf(id));

    private string WithdrawalOf(string id) => FileOf(id)[..^".json".Length] + FolderSource.WithdrawalExtension;

    private string FileOf(string id) =>
        IsValidId(id) ? System.IO.Path.Combine(Path, id + ".json") : throw new ArgumentException($"'{id}' is not a valid document id.", nameof(id));
}
