using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

/// <summary>Each kind of source file, read into a document or skipped with its reason.</summary>
public class SourceReaderTests
{
    private static List<(SourceDocument? Document, SkippedSource? Skipped)> ReadFolder(TempFolder temp) => [.. new FolderSource(temp.Path).Read()];

    [Test]
    public void Html_keeps_the_content_and_drops_scripts_and_navigation()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("page.html"), """
            <!doctype html><html lang="fa"><head><title>گزارش اعدام‌ها</title>
            <meta name="author" content="Iran Human Rights"><meta property="article:published_time" content="2016-08-28T10:00:00Z">
            <script>var secret = "do not index";</script><style>p { color: red }</style></head>
            <body><nav>Home | About | Contact</nav><header>Site header</header>
            <article><h1>گزارش</h1><p>در تابستان ۱۳۶۷ هزاران زندانی اعدام شدند.</p><p>Second paragraph.</p></article>
            <footer>Copyright</footer></body></html>
            """);
        var document = ReadFolder(temp).Single().Document!;
        Assert.That(document.Title, Is.EqualTo("گزارش اعدام‌ها"));
        Assert.That(document.Byline, Is.EqualTo("Iran Human Rights"));
        Assert.That(document.Published, Is.EqualTo("2016-08-28"));
        Assert.That(document.Language, Is.EqualTo("fa"));
        Assert.That(document.Body, Does.Contain("هزاران زندانی").And.Contain("Second paragraph."));
        Assert.That(document.Body, Does.Not.Contain("secret").And.Not.Contain("Home | About").And.Not.Contain("Copyright").And.Not.Contain("color"));
        Assert.That(document.Body.Split('\n'), Has.Length.EqualTo(3), "heading and paragraphs on lines of their own");
    }

    [Test]
    public void Docx_gives_its_paragraphs_and_core_properties()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("testimony.docx");
        using (var word = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("Testimony about Evin Prison"))),
                new Paragraph(new Run(new Text("In the summer of 1988 we were moved to Gohardasht.")))));
            word.PackageProperties.Title = "A witness statement";
            word.PackageProperties.Creator = "A. Witness";
        }

        var document = ReadFolder(temp).Single().Document!;
        Assert.That(document.Title, Is.EqualTo("A witness statement"));
        Assert.That(document.Byline, Is.EqualTo("A. Witness"));
        Assert.That(document.Body, Is.EqualTo("Testimony about Evin Prison\nIn the summer of 1988 we were moved to Gohardasht."));
        Assert.That(document.Language, Is.EqualTo("en"));
    }

    [Test]
    public void Jsonl_records_become_documents_and_bad_lines_are_skipped_with_their_line()
    {
        using var temp = new TempFolder();
        File.WriteAllLines(temp.Combine("items.jsonl"),
        [
            """{"id": "a1", "lang": "en", "title": "First", "body": "Evin prison", "date": "2016-08-28"}""",
            """{"id": "a2", "body": "زندان اوین"}""",
            """{"id": "a3", "title": "no body"}""",
            """not json at all""",
        ]);
        var results = ReadFolder(temp);
        var documents = results.Where(r => r.Document is not null).Select(r => r.Document!).ToList();
        Assert.That(documents.Select(d => d.Id), Is.EqualTo(new[] { "a1", "a2" }));
        Assert.That(documents[0].Published, Is.EqualTo("2016-08-28"));
        Assert.That(documents[1].Language, Is.EqualTo("fa"));
        var skipped = results.Where(r => r.Skipped is not null).Select(r => r.Skipped!).ToList();
        Assert.That(skipped.Select(s => s.Source), Is.EqualTo(new[] { "items.jsonl#3", "items.jsonl#4" }));
        Assert.That(skipped[0].Reason, Does.Contain("body"));
        Assert.That(skipped[1].Reason, Does.Contain("not valid JSON"));
    }

    [Test]
    public void A_jsonl_line_that_is_not_utf8_is_skipped_alone_and_the_lines_after_it_are_read()
    {
        using var temp = new TempFolder();
        var bytes = new List<byte>();
        bytes.AddRange("""{"id": "b1", "body": "Evin prison"}"""u8.ToArray());
        bytes.Add((byte)'\n');
        bytes.AddRange("""{"id": "b2", "body": "broken """u8.ToArray());
        bytes.AddRange(new byte[] { 0xC3, 0x28 }); // a lead byte followed by one that cannot continue it
        bytes.AddRange("\"}\n"u8.ToArray());
        bytes.AddRange("""{"id": "b3", "body": "زندان اوین"}"""u8.ToArray());
        File.WriteAllBytes(temp.Combine("mixed.jsonl"), [.. bytes]);

        var results = ReadFolder(temp);

        Assert.That(results.Where(r => r.Document is not null).Select(r => r.Document!.Id), Is.EqualTo(new[] { "b1", "b3" }));
        var skipped = results.Single(r => r.Skipped is not null).Skipped!;
        Assert.That((skipped.Source, skipped.Reason), Is.EqualTo(("mixed.jsonl#2", "not valid UTF-8")));
    }

    [Test]
    public void Jsonl_records_hash_as_their_text_does_with_a_byte_order_mark_crlf_and_lines_longer_than_the_read_buffer()
    {
        // The content hash tells an incremental run what changed: a record read as bytes must hash as the same record
        // decoded to text did, or every document of an older index would look changed.
        using var temp = new TempFolder();
        var lines = new[]
        {
            """{"id": "c1", "lang": "fa", "body": "اعدام زندانیان سیاسی در تابستان ۱۳۶۷"}""",
            $$"""{"id": "c2", "lang": "en", "body": "{{string.Concat(Enumerable.Repeat("Gohardasht and Evin. ", 10_000))}}"}""",
            """{"id": "c3", "lang": "en", "body": "Khavaran"}""",
        };
        File.WriteAllText(temp.Combine("records.jsonl"), string.Join("\r\n", lines) + "\r\n", new System.Text.UTF8Encoding(true));

        var documents = ReadFolder(temp).Select(r => r.Document!).ToList();

        Assert.That(documents.Select(d => d.ContentHash), Is.EqualTo(lines.Select(JsonDocuments.Hash)));
        Assert.That(documents[1].Body, Has.Length.EqualTo(210_000));
        Assert.That(documents[0].Body, Is.EqualTo("اعدام زندانیان سیاسی در تابستان ۱۳۶۷"));
    }

    [Test]
    public void Broken_files_are_skipped_with_a_reason_and_the_rest_is_read()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Combine("good.txt"), "A good document about Evin.");
        File.WriteAllText(temp.Combine("empty.txt"), "   \n");
        File.WriteAllBytes(temp.Combine("binary.txt"), [0x50, 0x4B, 0x00, 0x01, 0x02]);
        File.WriteAllBytes(temp.Combine("latin1.txt"), [0x63, 0x61, 0x66, 0xE9, 0x20, 0x61]);
        File.WriteAllText(temp.Combine("broken.docx"), "this is not a zip file");
        File.WriteAllText(temp.Combine("broken.json"), "{\"id\": ");
        using (var big = File.Create(temp.Combine("huge.txt")))
        {
            big.SetLength(TextFileReader.MaxBytes + 1);
        }

        File.WriteAllText(temp.Combine("ignored.pdf"), "not a format we read");
        var results = ReadFolder(temp);
        Assert.That(results.Where(r => r.Document is not null).Select(r => r.Document!.Id), Is.EqualTo(new[] { "good" }));
        var reasons = results.Where(r => r.Skipped is not null).ToDictionary(r => r.Skipped!.Source, r => r.Skipped!.Reason);
        Assert.That(reasons.Keys, Is.EquivalentTo(new[] { "empty.txt", "binary.txt", "latin1.txt", "broken.docx", "broken.json", "huge.txt" }));
        Assert.That(reasons["empty.txt"], Is.EqualTo("empty"));
        Assert.That(reasons["binary.txt"], Does.Contain("binary"));
        Assert.That(reasons["latin1.txt"], Does.Contain("UTF-8"));
        Assert.That(reasons["broken.docx"], Does.Contain(".docx"));
        Assert.That(reasons["broken.json"], Does.Contain("JSON"));
        Assert.That(reasons["huge.txt"], Does.Contain("larger than"));
    }

    [Test]
    public void A_missing_source_folder_is_reported_not_fatal()
    {
        var results = new FolderSource("/nonexistent/folder/for/tests").Read().ToList();
        Assert.That(results.Single().Skipped!.Reason, Does.Contain("does not exist"));
    }
}
