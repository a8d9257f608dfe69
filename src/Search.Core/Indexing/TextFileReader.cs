using System.Security.Cryptography;
using System.Text;
using Search.Core.Extraction;

namespace Search.Core.Indexing;

/// <summary>
/// Reads one .txt or .md file into a <see cref="SourceDocument"/>. The body is the file's text unchanged (offsets
/// into it are what highlights use); title, byline and published date are read from its head: a "By:" line, a line
/// that is only a date, a Markdown heading, else the opening words of the first paragraph.
/// </summary>
public static class TextFileReader
{
    /// <summary>Files larger than this are skipped: nobody's report is 20 MB of plain text.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    private const int TitleLength = 120;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the file, or returns the reason it cannot be indexed.</summary>
    public static (SourceDocument? Document, string? Problem) Read(string path, string relativeSource)
    {
        var (text, problem) = ReadText(path);
        if (text is null)
        {
            return (null, problem);
        }

        var id = Path.GetFileNameWithoutExtension(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return (FromText(id, text, relativeSource, hash, path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)), null);
    }

    /// <summary>A file's text as strict UTF-8, or the reason it is not usable: too large, unreadable, binary, invalid, empty.</summary>
    public static (string? Text, string? Problem) ReadText(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxBytes)
            {
                return (null, $"larger than {MaxBytes / (1024 * 1024)} MB ({info.Length} bytes)");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"unreadable: {e.Message}");
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return (null, "binary content (contains NUL bytes)");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return (null, $"not valid UTF-8 (at byte {e.Index})");
        }

        text = text.TrimStart('\uFEFF');
        return string.IsNullOrWhiteSpace(text) ? (null, "empty") : (text, null);
    }

    /// <summary>
    /// A document from its text: title, byline and date read from its head. <paramref name="language"/> is the language
    /// when the source states it; otherwise it is guessed from the text.
    /// </summary>
    public static SourceDocument FromText(string id, string text, string source, string hash, bool markdown = false, string? language = null)
    {
        string? byline = null;
        string? published = null;
        string? title = null;

        // Only the head is read, line by line: a body is often one long paragraph, and need not be split or copied.
        for (var start = 0; start < text.Length;)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline;
            var span = text.AsSpan(start, end - start).Trim();
            start = end + 1;
            if (span.Length == 0)
            {
                continue;
            }

            if (byline is null && span.StartsWith("By:", StringComparison.OrdinalIgnoreCase))
            {
                byline = span[3..].Trim().ToString();
                continue;
            }

            var line = span.ToString();
            if (published is null && DateLine.TryParse(line) is { } date)
            {
                published = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            title = markdown && line.StartsWith('#') ? line.TrimStart('#').Trim() : OpeningWords(line);
            break;
        }

        return new SourceDocument
        {
            Id = id,
            Title = title ?? id,
            Body = text,
            Byline = byline,
            Published = published,
            Language = language ?? LanguageGuess.Of(text),
            Source = source,
            ContentHash = hash,
        };
    }

    /// <summary>The first sentence of a paragraph, cut at a word boundary when it is long.</summary>
    private static string OpeningWords(string paragraph)
    {
        var end = paragraph.IndexOfAny(['.', '!', '?', '؟']);
        var sentence = end > 20 ? paragraph[..end] : paragraph;
        if (sentence.Length <= TitleLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', TitleLength);
        return string.Concat(sentence.AsSpan(0, cut > 40 ? cut : TitleLength), "…");
    }
}
