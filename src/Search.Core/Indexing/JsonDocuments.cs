using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Search.Core.Extraction;

namespace Search.Core.Indexing;

/// <summary>
/// Documents in the corpus JSON format, one object per .json file or one per line of a .jsonl file:
/// {"id", "lang"?, "title"?, "body", "date"?: "yyyy-MM-dd", "byline"?, "source"?, ...}. A record without an id or a
/// body is skipped with its reason; other members are ignored.
/// </summary>
public static class JsonDocuments
{
    public static (SourceDocument? Document, string? Problem) FromJson(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromElement(document.RootElement, source, Hash(json));
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON: {e.Message}");
        }
    }

    /// <summary>A record given as UTF-8 (a JSONL line): parsed and hashed as it is, never decoded to a string whole.</summary>
    public static (SourceDocument? Document, string? Problem) FromJson(ReadOnlyMemory<byte> utf8, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            return FromElement(document.RootElement, source, Convert.ToHexStringLower(SHA256.HashData(utf8.Span)));
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON: {e.Message}");
        }
    }

    /// <param name="root">The record.</param>
    /// <param name="source">Where it was read, for the document and for skip reasons.</param>
    /// <param name="hash">The content hash of the record as written (SHA-256 of its UTF-8), which tells a changed record.</param>
    public static (SourceDocument? Document, string? Problem) FromElement(JsonElement root, string source, string hash)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "not a JSON object");
        }

        var id = Text(root, "id");
        var body = Text(root, "body") ?? Text(root, "text");
        if (string.IsNullOrWhiteSpace(id))
        {
            return (null, "no \"id\"");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, "no \"body\"");
        }

        var published = Text(root, "date") ?? Text(root, "published");
        if (published is not null && DateLine.TryParse(published) is { } date)
        {
            published = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (published is not null && !DateOnly.TryParseExact(published, "yyyy-MM-dd", out _))
        {
            published = null;
        }

        var title = Text(root, "title");
        var language = Text(root, "lang") is "fa" or "en" ? Text(root, "lang") : null;
        var parsed = TextFileReader.FromText(id, body, source, hash, language: language);
        return (parsed with
        {
            Title = string.IsNullOrWhiteSpace(title) ? parsed.Title : title.Trim(),
            Published = published ?? parsed.Published,
            Byline = Text(root, "byline") ?? parsed.Byline,
        }, null);
    }

    public static string Hash(string raw) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
