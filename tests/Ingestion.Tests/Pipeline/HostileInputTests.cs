using System.Text;
using Vigil.Ingestion.Queue;
using Vigil.Ingestion.Tests.Decoding.Audio;
using Vigil.Ingestion.Tests.Decoding.Documents;
using Vigil.Ingestion.Tests.Decoding.Images;

namespace Vigil.Ingestion.Tests.Pipeline;

/// <summary>
/// Broken and hostile uploads go through the whole pipeline next to good input: each becomes a dead letter whose
/// reason a user can act on, and the good input is still indexed — one bad file never blocks the others.
/// </summary>
public sealed class HostileInputTests
{
    [Fact]
    public async Task Every_hostile_file_gets_its_own_reason_and_the_pipeline_keeps_serving()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var pipeline = new PipelineFixture();
        var whiteboard = await Whiteboards.ReadAsync("03-upload-thumbnails-bucket");
        var threeHours = await AudioFiles.MakeAsync("three-hours.flac", ["-f", "lavfi", "-i", "anullsrc=r=1000:cl=mono", "-t", "10800", "-c:a", "flac"], cancel);
        var hostile = new Dictionary<string, byte[]>
        {
            ["truncated.png"] = whiteboard[..(whiteboard.Length / 2)],
            ["huge.png"] = Pngs.ClaimingSize(20000, 20000),
            ["bomb.docx"] = TestDocx.ZipBomb(2L * 1024 * 1024 * 1024),
            ["empty.txt"] = [],
            ["latin1.txt"] = Encoding.Latin1.GetBytes("le service de paiement appelle le grand livre sans TLS, très simple"),
            ["huddle.flac"] = threeHours,
        };
        var items = new Dictionary<string, IngestionItem>();
        foreach (var (name, bytes) in hostile)
        {
            items[name] = await pipeline.AcceptAsync(IngestRequest.File(PipelineFixture.Design, name, bytes));
        }

        var good = await pipeline.AcceptAsync(IngestRequest.Message(PipelineFixture.Design, "thread#1", "payments-svc calls the ledger over plain http"));
        await pipeline.DrainAsync();

        var outcomes = new Dictionary<string, IngestionItem>();
        foreach (var (name, item) in items)
        {
            outcomes[name] = await pipeline.ItemAsync(item);
        }

        string Reason(string name) => outcomes[name].Reason!;
        Assert.StartsWith("image is truncated or corrupt", Reason("truncated.png"));
        Assert.Equal("image is 20000×20000 pixels (400 megapixels), above the 40 megapixel limit (Ingestion:MaxImagePixels)", Reason("huge.png"));
        Assert.Equal("DOCX expands to 2048 MB, above the 100 MB limit (Ingestion:MaxDocxExpandedBytes)", Reason("bomb.docx"));
        Assert.Equal("the file is empty (0 bytes)", Reason("empty.txt"));
        Assert.Equal("not valid UTF-8 text: invalid byte 0xE8 at offset 58", Reason("latin1.txt"));
        Assert.Equal("audio is 3 h 0 min long, above the 60 min limit (Ingestion:MaxAudioDuration)", Reason("huddle.flac"));
        Assert.All(outcomes.Values, i => Assert.Equal(ItemStatus.Failed, i.Status));
        Assert.Equal(ItemStatus.Done, (await pipeline.ItemAsync(good)).Status);
    }
}
