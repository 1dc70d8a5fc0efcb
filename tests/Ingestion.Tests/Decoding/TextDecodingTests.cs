using System.Text;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Text;
using Vigil.ThreatModel.Sources;

namespace Vigil.Ingestion.Tests.Decoding;

public sealed class TextDecodingTests
{
    private static readonly ContentDecoders Decoders = new([new TextDecoder(), new OpenApiDecoder()], new DecodeLimits { MaxFileBytes = 1024 * 1024 });

    [Fact]
    public async Task Paragraphs_of_a_doc_become_segments_that_name_their_file()
    {
        var result = await Decoders.DecodeAsync("design.md", "# Payments\n\nThe api calls\nthe ledger.\n\nNo TLS yet."u8.ToArray(), "design.md", TestContext.Current.CancellationToken);

        Assert.Equal(["# Payments", "The api calls\nthe ledger.", "No TLS yet."], result.Segments.Select(s => s.Text));
        Assert.All(result.Segments, s => Assert.Equal("design.md", s.Origin.Source));
        Assert.Equal(SourceKind.Document, result.Kind);
    }

    [Fact]
    public async Task A_spec_is_handed_whole_to_the_openapi_extractor()
    {
        var spec = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Corpus, "02-sso-oidc-admin-api", "openapi.yaml"), TestContext.Current.CancellationToken);

        var result = await Decoders.DecodeAsync("admin.yaml", spec, "admin.yaml", TestContext.Current.CancellationToken);

        Assert.Equal(SourceKind.OpenApi, result.Kind);
        Assert.Single(result.Segments);
    }

    [Fact]
    public async Task Invalid_utf8_is_refused_with_the_offset_of_the_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("the gateway calls ").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(" orders")).ToArray();

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => Decoders.DecodeAsync("notes.txt", bytes, "notes.txt", TestContext.Current.CancellationToken));

        Assert.Equal("not valid UTF-8 text: invalid byte 0xC3 at offset 18", error.Message);
    }

    [Fact]
    public async Task Empty_and_oversized_files_get_their_reason()
    {
        var empty = await Assert.ThrowsAsync<UnreadableContentException>(() => Decoders.DecodeAsync("a.txt", Array.Empty<byte>(), "a.txt", TestContext.Current.CancellationToken));
        var huge = await Assert.ThrowsAsync<UnreadableContentException>(() => Decoders.DecodeAsync("b.txt", new byte[2 * 1024 * 1024], "b.txt", TestContext.Current.CancellationToken));

        Assert.Equal("the file is empty (0 bytes)", empty.Message);
        Assert.Equal("file is 2 MB, above the 1 MB limit (Ingestion:MaxFileBytes)", huge.Message);
    }

    [Fact]
    public async Task A_binary_blob_is_named_as_an_unreadable_format()
    {
        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => Decoders.DecodeAsync("x.bin", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0, 1, 2 }, "x.bin", TestContext.Current.CancellationToken));

        Assert.Contains("not a format Vigil reads", error.Message);
    }
}
