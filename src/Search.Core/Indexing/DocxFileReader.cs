using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Search.Core.Indexing;

/// <summary>
/// Reads a Word document (.docx) with the Open XML SDK: the paragraphs' text one per line; title and author from the
/// document's core properties, a date line from the text or else the creation date.
/// </summary>
public static class DocxFileReader
{
    public static (SourceDocument? Document, string? Problem) Read(string path, string relativeSource)
    {
        try
        {
            if (new FileInfo(path).Length > TextFileReader.MaxBytes)
            {
                return (null, $"larger than {TextFileReader.MaxBytes / (1024 * 1024)} MB");
            }

            using var document = WordprocessingDocument.Open(path, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return (null, "a .docx without a document body");
            }

            var text = string.Join('\n', body.Descendants<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))).Where(l => l.Trim().Length > 0));
            if (string.IsNullOrWhiteSpace(text))
            {
                return (null, "empty");
            }

            var properties = document.PackageProperties;
            var parsed = TextFileReader.FromText(Path.GetFileNameWithoutExtension(path), text, relativeSource, JsonDocuments.Hash(text + properties.Title + properties.Creator));
            return (parsed with
            {
                Title = string.IsNullOrWhiteSpace(properties.Title) ? parsed.Title : properties.Title.Trim(),
                Byline = string.IsNullOrWhiteSpace(properties.Creator) ? parsed.Byline : properties.Creator.Trim(),
                Published = parsed.Published ?? properties.Created?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, null);
        }
        catch (Exception e) when (e is OpenXmlPackageException or System.IO.InvalidDataException or IOException or UnauthorizedAccessException or FileFormatException or InvalidOperationException)
        {
            return (null, $"not a readable .docx: {e.Message}");
        }
    }
}
