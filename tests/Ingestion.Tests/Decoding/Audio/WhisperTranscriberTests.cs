using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Ingestion.Content;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Audio;
using Whisper.net;

namespace Vigil.Ingestion.Tests.Decoding.Audio;

[Collection("Audio")]
public sealed partial class WhisperTranscriberTests : IDisposable
{
    private const string ModelVariable = "VIGIL_WHISPER_MODEL";
    private readonly DirectoryInfo dataDir = Directory.CreateTempSubdirectory("vigil-whisper-test-");

    public void Dispose() => dataDir.Delete(recursive: true);

    [Fact]
    public void The_native_whisper_runtime_loads_on_this_machine()
    {
        var info = WhisperFactory.GetRuntimeInfo();

        Assert.Contains("CPU", info);
    }

    [Fact]
    public async Task A_file_that_is_not_a_ggml_model_makes_transcription_unavailable_with_its_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        var notAModel = Path.Combine(dataDir.FullName, "ggml-base.bin");
        await File.WriteAllBytesAsync(notAModel, new byte[4096], ct);
        var options = new TranscriptionOptions { ModelPath = notAModel };
        using var models = new WhisperModelStore(options, dataDir.FullName, ScriptedModelSource.Offline(), new FakeTimeProvider(), NullLogger<WhisperModelStore>.Instance);
        using var transcriber = new WhisperTranscriber(models, options, NullLogger<WhisperTranscriber>.Instance);

        var availability = await transcriber.GetAvailabilityAsync(ct);

        Assert.False(availability.IsAvailable);
        Assert.StartsWith($"{notAModel} is not a Whisper ggml model that loads", availability.Explanation);
        Assert.Contains("set Transcription:ModelPath", availability.Explanation);
    }

    [Theory]
    [InlineData("05-pii-export-sftp", "export", "cron", "read replica", "encrypted", "public key", "host key", "phone numbers", "support ticket")]
    [InlineData("08-cicd-k8s-deploy", "deploy", "pipeline", "docker image", "helm upgrade", "access keys", "privileged", "cluster", "personal")]
    public async Task With_a_real_whisper_model_each_voice_note_transcript_holds_its_key_words(string corpusCase, params string[] keyWords)
    {
        var modelPath = Environment.GetEnvironmentVariable(ModelVariable);
        Assert.SkipWhen(string.IsNullOrEmpty(modelPath), $"{ModelVariable} is not set: no Whisper ggml model on this machine, so real transcription is not checked");
        Assert.True(File.Exists(modelPath), $"{ModelVariable} is {modelPath}, which does not exist");
        var ct = TestContext.Current.CancellationToken;
        var options = new TranscriptionOptions { ModelPath = modelPath, Language = "en" };
        using var models = new WhisperModelStore(options, dataDir.FullName, ScriptedModelSource.Offline(), TimeProvider.System, NullLogger<WhisperModelStore>.Instance);
        using var transcriber = new WhisperTranscriber(models, options, NullLogger<WhisperTranscriber>.Instance);
        var decoder = new AudioDecoder(new FfmpegAudioConverter(), transcriber, NullLogger<AudioDecoder>.Instance);
        var ogg = await File.ReadAllBytesAsync(AudioFiles.VoiceNote(corpusCase), ct);

        var result = await decoder.DecodeAsync(new DecodeRequest("voice-note.ogg", ContentType.Ogg, ogg, new DecodeLimits()), ct);

        Assert.Equal(DecodeStatus.Decoded, result.Status);
        Assert.NotEmpty(result.Segments);
        Assert.All(result.Segments, s => Assert.True(s.Origin.Start < s.Origin.End, $"{s.Origin.Start}–{s.Origin.End} is not a span"));
        Assert.All(result.Segments, s => Assert.Equal("voice-note.ogg", s.Origin.Source));
        var heard = Words(result.Text);
        Assert.All(keyWords, word => Assert.Contains(Words(word), heard));
        TestContext.Current.TestOutputHelper?.WriteLine(result.Text);
    }

    // Case and punctuation are Whisper's choice ("Host key," vs "host key"): compare words only.
    private static string Words(string text) => " " + NotWordCharacters().Replace(text.ToLowerInvariant(), " ").Trim() + " ";

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NotWordCharacters();
}
