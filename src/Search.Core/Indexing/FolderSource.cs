namespace Search.Core.Indexing;

/// <summary>
/// Every document under a folder, recursively, in a stable (ordinal path) order: .txt, .md, .html/.htm, .docx,
/// .json (one document) and .jsonl or .jsonl.gz (one per line). A file that cannot be read comes out as a skipped
/// source with its reason; it never stops the walk. A file {id}.deleted withdraws that id from every source of a run
/// (<see cref="Withdrawn"/>): the API leaves one where it deletes a document.
/// </summary>
public sealed class FolderSource(string root)
{
    private static (SourceDocument?, string?) ReadJson(string file, string relative)
    {
        var (text, problem) = TextFileReader.ReadText(file);
        return text is null ? (null, problem) : JsonDocuments.FromJson(text, relative);
    }

    /// <summary>
    /// A JSONL file (or .jsonl.gz), streamed line by line: corpus files are far larger than one text document. Lines
    /// are split and parsed as the UTF-8 bytes they are, not decoded to text first (the parser and the content hash
    /// both work on UTF-8); a line that is not valid UTF-8 is skipped with its number, and the lines after it are read.
    /// </summary>
    private static IEnumerable<(SourceDocument?, SkippedSource?)> ReadLines(string file, string relative)
    {
        Stream stream;
        try
        {
            stream = File.OpenRead(file);
            if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                stream = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [(null, new SkippedSource(relative, $"unreadable: {e.Message}"))];
        }

        return Lines(stream, relative);
    }

    private static IEnumerable<(SourceDocument?, SkippedSource?)> Lines(Stream stream, string relative)
    {
        using (stream)
        {
            var lines = new Utf8Lines(stream);
            var number = 0;
            while (true)
            {
                bool more;
                string? failure = null;
                try
                {
                    more = lines.Next();
                }
                catch (Exception e) when (e is IOException or InvalidDataException)
                {
                    more = false;
                    failure = $"unreadable: {e.Message}";
                }

                if (failure is not null)
                {
                    yield return (null, new SkippedSource($"{relative}#{number + 1}", failure + "; the rest of the file is skipped"));
                    yield break;
                }

                if (!more)
                {
                    yield break;
                }

                number++;
                var line = lines.Current;
                var span = line.Span;
                if (span.Trim(" \t\r\f\v"u8).IsEmpty)
                {
                    continue;
                }

                if (!System.Text.Unicode.Utf8.IsValid(span))
                {
                    yield return (null, new SkippedSource($"{relative}#{number}", "not valid UTF-8"));
                    continue;
                }

                var (document, problem) = JsonDocuments.FromJson(line, $"{relative}#{number}");
                yield return document is null ? (null, new SkippedSource($"{relative}#{number}", problem!)) : (document, null);
            }
        }
    }

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".json", ".jsonl", ".html", ".htm", ".docx" };

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The file extension of a withdrawal: {id}.deleted.</summary>
    public const string WithdrawalExtension = ".deleted";

    /// <summary>The ids withdrawn under this folder: documents deleted through the API, not to be indexed from any source.</summary>
    public IEnumerable<string> Withdrawn() =>
        Directory.Exists(Root)
            ? Directory.EnumerateFiles(Root, "*" + WithdrawalExtension, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                .Where(f => f.EndsWith(WithdrawalExtension, StringComparison.Ordinal))
                .Select(Path.GetFileNameWithoutExtension)
                .OfType<string>()
            : [];

    public IEnumerable<(SourceDocument? Document, SkippedSource? Skipped)> Read()
    {
        if (!Directory.Exists(Root))
        {
            yield return (null, new SkippedSource(Root, "source folder does not exist"));
            yield break;
        }

        var files = Directory.EnumerateFiles(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => Extensions.Contains(Path.GetExtension(f)) || f.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(Root, file);
            var extension = file.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase) ? ".jsonl" : Path.GetExtension(file).ToLowerInvariant();
            if (extension == ".jsonl")
            {
                foreach (var item in ReadLines(file, relative))
                {
                    yield return item;
                }

                continue;
            }

            var (document, problem) = extension switch
            {
                ".json" => ReadJson(file, relative),
                ".html" or ".htm" => HtmlFileReader.Read(file, relative),
                ".docx" => DocxFileReader.Read(file, relative),
                _ => TextFileReader.Read(file, relative),
            };
            yield return document is null ? (null, new SkippedSource(relative, problem!, Path.GetFileNameWithoutExtension(file))) : (document, null);
        }
    }
}
