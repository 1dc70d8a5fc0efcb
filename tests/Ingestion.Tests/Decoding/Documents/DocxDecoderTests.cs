using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using Vigil.Ingestion.Content;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Documents;
using S = DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Vigil.Ingestion.Tests.Decoding.Documents;

public sealed class DocxDecoderTests
{
    private static readonly ContentDecoders Decoders = new([new DocxDecoder()], new DecodeLimits());

    [Fact]
    public async Task Heading_paragraphs_and_table_rows_become_segments_in_document_order()
    {
        var docx = TestDocx.Create(
            TestDocx.Heading("Payments service"),
            TestDocx.Paragraph("The checkout API ", "calls the ", "ledger."),
            TestDocx.Paragraph(),
            TestDocx.Paragraph("   "),
            TestDocx.Table(["Component", "Data", "Transport"], ["Orders API", "card numbers", "no TLS"], ["", "", ""]),
            TestDocx.Paragraph("Webhooks are not signed."));

        var result = await Decoders.DecodeAsync("design.docx", docx, "design.docx", TestContext.Current.CancellationToken);

        Assert.Equal(
            ["Payments service", "The checkout API calls the ledger.", "Component | Data | Transport", "Orders API | card numbers | no TLS", "Webhooks are not signed."],
            result.Segments.Select(s => s.Text));
        Assert.All(result.Segments, s => Assert.Equal(new SegmentOrigin("design.docx"), s.Origin));
    }

    [Fact]
    public async Task Deleted_revisions_and_field_codes_are_not_read_as_text_but_insertions_are()
    {
        var docx = TestDocx.Create(new W.Paragraph(
            new W.Run(new W.Text("Tokens expire ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
            new W.DeletedRun(new W.Run(new W.DeletedText("never"))),
            new W.InsertedRun(new W.Run(new W.Text("after 15 minutes"))),
            new W.Run(new W.FieldCode(" PAGE "))));

        var result = await Decoders.DecodeAsync("auth.docx", docx, "auth.docx", TestContext.Current.CancellationToken);

        Assert.Equal("Tokens expire after 15 minutes", Assert.Single(result.Segments).Text);
    }

    [Fact]
    public async Task A_2_GB_zip_bomb_is_refused_from_its_central_directory_in_well_under_a_second()
    {
        var made = Stopwatch.StartNew();
        var bomb = TestDocx.ZipBomb(2L * 1024 * 1024 * 1024);
        made.Stop();

        var refused = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => Decoders.DecodeAsync("bomb.docx", bomb, "bomb.docx", TestContext.Current.CancellationToken));
        refused.Stop();

        TestContext.Current.TestOutputHelper?.WriteLine($"zip bomb: {bomb.Length / 1024.0 / 1024:0.0} MB made in {made.ElapsedMilliseconds} ms, refused in {refused.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.Equal("DOCX expands to 2048 MB, above the 100 MB limit (Ingestion:MaxDocxExpandedBytes)", error.Message);
        Assert.True(refused.Elapsed < TimeSpan.FromSeconds(1), $"refusing took {refused.Elapsed}");
    }

    [Fact]
    public async Task A_part_compressed_a_thousand_to_one_is_refused_as_a_zip_bomb_even_under_the_size_limit()
    {
        var bomb = TestDocx.ZipBomb(90L * 1024 * 1024);

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => Decoders.DecodeAsync("bomb.docx", bomb, "bomb.docx", TestContext.Current.CancellationToken));

        Assert.StartsWith("DOCX part word/document.xml is compressed ", error.Message);
        Assert.EndsWith("(90 MB from 0.1 MB), the shape of a zip bomb", error.Message);
    }

    [Fact]
    public async Task A_zip_that_understates_the_size_of_its_document_is_not_inflated_past_what_it_declares()
    {
        // 60 MB of XML that claims to be 1 KB: the central directory looks harmless.
        var xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + string.Concat(Enumerable.Repeat("<w:p><w:r><w:t>x</w:t></w:r></w:p>", 2_000_000)) + "</w:body></w:document>";
        var liar = Understate(TestDocx.Create(TestDocx.Paragraph("placeholder")), "word/document.xml", xml, declaredSize: 1024);
        using (var zip = new ZipArchive(new MemoryStream(liar), ZipArchiveMode.Read))
        {
            Assert.Equal(1024, zip.GetEntry("word/document.xml")!.Length);
        }

        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => Decoders.DecodeAsync("liar.docx", liar, "liar.docx", TestContext.Current.CancellationToken));

        // Reading stops at the declared 1 KB, which is not a whole XML document.
        Assert.StartsWith("the DOCX is damaged and cannot be read", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"refusing took {clock.Elapsed}");
    }

    [Fact]
    public void Inflated_bytes_are_counted_and_reading_stops_one_byte_past_the_budget()
    {
        var compressed = new MemoryStream();
        using (var deflate = new DeflateStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(new byte[10 * 1024 * 1024]);
        }

        compressed.Position = 0;
        using var budget = new ExpansionBudgetStream(new DeflateStream(compressed, CompressionMode.Decompress), 1024 * 1024, "over budget");

        var error = Assert.Throws<UnreadableContentException>(() => budget.CopyTo(Stream.Null));

        Assert.Equal("over budget", error.Message);
        Assert.True(budget.Exceeded);
        Assert.Equal(1024 * 1024 + 1, budget.BytesRead);
    }

    [Fact]
    public async Task A_truncated_docx_is_refused_as_an_incomplete_zip()
    {
        var docx = TestDocx.Create(TestDocx.Heading("Payments service"), TestDocx.Paragraph("The API calls the ledger."));
        var truncated = docx[..(docx.Length / 2)];

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => DecodeAsDocx(truncated));

        Assert.StartsWith("the DOCX is damaged: it is not a complete zip archive (truncated?)", error.Message);
    }

    [Fact]
    public async Task A_zip_that_is_not_an_office_document_is_refused_as_not_a_word_document()
    {
        var zip = TestDocx.Zip(("notes.txt", "the API calls the ledger"));

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => DecodeAsDocx(zip));

        Assert.StartsWith("the file is a zip archive but not a Word document", error.Message);
    }

    [Fact]
    public async Task A_spreadsheet_is_refused_as_not_a_word_document()
    {
        using var stream = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            workbook.AddWorkbookPart().Workbook = new S.Workbook(new S.Sheets());
        }

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => DecodeAsDocx(stream.ToArray()));

        Assert.StartsWith("the file is a zip archive but not a Word document", error.Message);
    }

    [Fact]
    public async Task A_document_without_text_is_refused_as_empty()
    {
        var docx = TestDocx.Create(TestDocx.Paragraph(), TestDocx.Paragraph(" "));

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => DecodeAsDocx(docx));

        Assert.Equal("the Word document holds no text", error.Message);
    }

    private static Task<DecodeResult> DecodeAsDocx(byte[] bytes) =>
        new DocxDecoder().DecodeAsync(new DecodeRequest("x.docx", ContentType.Docx, bytes, new DecodeLimits()), TestContext.Current.CancellationToken);

    /// <summary>Replaces an entry and then rewrites its uncompressed size in both zip headers to a smaller lie.</summary>
    private static byte[] Understate(byte[] docx, string entryName, string content, uint declaredSize)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(entryName)!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entryName, CompressionLevel.Optimal).Open());
            writer.Write(content);
        }

        var bytes = stream.ToArray();
        var name = System.Text.Encoding.UTF8.GetBytes(entryName);
        for (var i = 0; i + 46 + name.Length <= bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), declaredSize);
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), declaredSize);
            }
        }

        return bytes;
    }
}
