using Vigil.Ingestion.Content;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Documents;

namespace Vigil.Ingestion.Tests.Decoding.Documents;

public sealed class PdfDecoderTests
{
    private static readonly ContentDecoders Decoders = new([new PdfDecoder()], new DecodeLimits());

    [Fact]
    public async Task Each_paragraph_block_of_each_page_becomes_a_segment_with_its_page_number()
    {
        var pdf = TestPdf.Create(
            [["Payments service"], ["The checkout API calls the ledger", "over plain HTTP inside the VPC."]],
            [["Webhooks from the PSP are not signed."]],
            [["Admin console is reachable from the internet."], ["Secrets live in environment variables."]]);

        var result = await Decoders.DecodeAsync("design.pdf", pdf, "design.pdf", TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                (1, "Payments service"),
                (1, "The checkout API calls the ledger\nover plain HTTP inside the VPC."),
                (2, "Webhooks from the PSP are not signed."),
                (3, "Admin console is reachable from the internet."),
                (3, "Secrets live in environment variables."),
            ],
            result.Segments.Select(s => (s.Origin.Page ?? 0, s.Text)));
        Assert.All(result.Segments, s => Assert.Equal("design.pdf", s.Origin.Source));
    }

    [Fact]
    public async Task Words_drawn_apart_without_space_characters_are_not_glued_together()
    {
        var pdf = TestPdf.WordsPlacedApart("Orders", "API", "stores", "card", "numbers");

        var result = await Decoders.DecodeAsync("layout.pdf", pdf, "layout.pdf", TestContext.Current.CancellationToken);

        Assert.Equal("Orders API stores card numbers", Assert.Single(result.Segments).Text);
    }

    [Fact]
    public async Task A_pdf_over_the_page_limit_is_refused_with_its_page_count_and_the_setting()
    {
        var pdf = TestPdf.BlankPages(301);

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => Decoders.DecodeAsync("huge.pdf", pdf, "huge.pdf", TestContext.Current.CancellationToken));

        Assert.Equal("PDF has 301 pages, above the 300 page limit (Ingestion:MaxPdfPages)", error.Message);
    }

    [Fact]
    public async Task The_page_limit_comes_from_the_decode_limits()
    {
        var decoders = new ContentDecoders([new PdfDecoder()], new DecodeLimits { MaxPdfPages = 2 });
        var pdf = TestPdf.Create([["one"]], [["two"]], [["three"]]);

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => decoders.DecodeAsync("three.pdf", pdf, "three.pdf", TestContext.Current.CancellationToken));

        Assert.Equal("PDF has 3 pages, above the 2 page limit (Ingestion:MaxPdfPages)", error.Message);
    }

    [Fact]
    public async Task A_truncated_pdf_is_refused_as_damaged()
    {
        var pdf = TestPdf.Create([["Payments service"]], [["Webhooks are not signed."]]);
        var truncated = pdf[..(pdf.Length / 2)];

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => Decoders.DecodeAsync("cut.pdf", truncated, "cut.pdf", TestContext.Current.CancellationToken));

        Assert.StartsWith("the PDF is damaged and cannot be read", error.Message);
    }

    [Fact]
    public async Task A_password_protected_pdf_is_refused_with_that_reason()
    {
        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => Decoders.DecodeAsync("locked.pdf", TestPdf.PasswordProtected(), "locked.pdf", TestContext.Current.CancellationToken));

        Assert.Equal("the PDF is protected by a password; share a copy without the password", error.Message);
    }

    [Fact]
    public async Task A_pdf_without_a_text_layer_is_refused_as_such()
    {
        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => Decoders.DecodeAsync("scan.pdf", TestPdf.BlankPages(2), "scan.pdf", TestContext.Current.CancellationToken));

        Assert.StartsWith("the PDF has no text layer", error.Message);
    }

    [Fact]
    public async Task A_cancelled_decode_stops_before_reading_pages()
    {
        var pdf = TestPdf.Create([["one"]], [["two"]]);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new PdfDecoder().DecodeAsync(new DecodeRequest("x.pdf", ContentType.Pdf, pdf, new DecodeLimits()), cancelled.Token));
    }
}
