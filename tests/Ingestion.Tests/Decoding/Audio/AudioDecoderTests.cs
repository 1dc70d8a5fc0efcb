using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Ingestion.Decoding;
using Vigil.Ingestion.Decoding.Audio;
using Vigil.ThreatModel.Sources;

namespace Vigil.Ingestion.Tests.Decoding.Audio;

[Collection("Audio")]
public sealed class AudioDecoderTests : IDisposable
{
    private readonly DirectoryInfo dataDir = Directory.CreateTempSubdirectory("vigil-audio-decoder-test-");
    private readonly ScriptedModelSource offlineHub = ScriptedModelSource.Offline();
    private readonly WhisperModelStore models;
    private readonly WhisperTranscriber transcriber;

    public AudioDecoderTests()
    {
        models = new WhisperModelStore(new TranscriptionOptions { ModelSize = "base.en" }, dataDir.FullName, offlineHub, new FakeTimeProvider(), NullLogger<WhisperModelStore>.Instance);
        transcriber = new WhisperTranscriber(models, new TranscriptionOptions { ModelSize = "base.en" }, NullLogger<WhisperTranscriber>.Instance);
    }

    public void Dispose()
    {
        transcriber.Dispose();
        models.Dispose();
        dataDir.Delete(recursive: true);
    }

    [Theory]
    [InlineData("05-pii-export-sftp")]
    [InlineData("08-cicd-k8s-deploy")]
    public async Task Without_a_model_or_network_a_voice_note_waits_for_transcription_with_how_to_enable_it(string corpusCase)
    {
        var ct = TestContext.Current.CancellationToken;
        var decoders = Decoders(new FfmpegAudioConverter());
        var ogg = await File.ReadAllBytesAsync(AudioFiles.VoiceNote(corpusCase), ct);

        var result = await decoders.DecodeAsync("voice-note.ogg", ogg, "voice-note.ogg", ct);

        Assert.Equal(DecodeStatus.WaitingForTranscription, result.Status);
        Assert.Equal(SourceKind.Document, result.Kind);
        Assert.Empty(result.Segments);
        Assert.StartsWith("Voice note not transcribed yet: ggml-base.en.bin is not in ", result.Note);
        Assert.Contains(ScriptedModelSource.OfflineMessage, result.Note);
        Assert.Contains("set Transcription:ModelPath to a Whisper ggml model file", result.Note);
        Assert.Contains($"download ggml-base.en.bin into {Path.Combine(dataDir.FullName, "models")}", result.Note);
    }

    [Fact]
    public async Task Many_voice_notes_while_offline_cost_one_download_attempt()
    {
        var ct = TestContext.Current.CancellationToken;
        var decoder = new AudioDecoder(new FfmpegAudioConverter(), transcriber, NullLogger<AudioDecoder>.Instance);
        var ogg = await File.ReadAllBytesAsync(AudioFiles.VoiceNote("08-cicd-k8s-deploy"), ct);

        for (var i = 0; i < 3; i++)
        {
            await Decoders(decoder).DecodeAsync($"note-{i}.ogg", ogg, null, ct);
        }

        Assert.False(await decoder.IsAvailableAsync(ct));
        Assert.Equal(1, offlineHub.Requests);
    }

    [Fact]
    public async Task Without_ffmpeg_a_voice_note_waits_and_the_note_names_the_package()
    {
        var ct = TestContext.Current.CancellationToken;
        var noFfmpeg = new FfmpegAudioConverter(new FfmpegOptions { FfmpegPath = "/nonexistent/ffmpeg", FfprobePath = "/nonexistent/ffprobe" });
        var decoder = new AudioDecoder(noFfmpeg, transcriber, NullLogger<AudioDecoder>.Instance);
        var ogg = await File.ReadAllBytesAsync(AudioFiles.VoiceNote("05-pii-export-sftp"), ct);

        var result = await Decoders(decoder).DecodeAsync("voice-note.ogg", ogg, null, ct);

        Assert.Equal(DecodeStatus.WaitingForTranscription, result.Status);
        Assert.Contains("apt-get install ffmpeg", result.Note);
        Assert.False(await decoder.IsAvailableAsync(ct));
    }

    [Fact]
    public async Task A_corrupt_voice_note_is_refused_at_once_rather_than_queued_for_a_model()
    {
        var ct = TestContext.Current.CancellationToken;
        var garbage = "OggS"u8.ToArray().Concat(Enumerable.Repeat((byte)0x5A, 3000)).ToArray();

        var error = await Assert.ThrowsAsync<UnreadableContentException>(() => Decoders(new FfmpegAudioConverter()).DecodeAsync("voice-note.ogg", garbage, null, ct));

        Assert.StartsWith("audio is corrupt or not audio: ", error.Message);
        Assert.Equal(0, offlineHub.Requests);
    }

    private ContentDecoders Decoders(IAudioConverter converter) =>
        Decoders(new AudioDecoder(converter, transcriber, NullLogger<AudioDecoder>.Instance));

    private static ContentDecoders Decoders(AudioDecoder decoder) => new([decoder], new DecodeLimits());
}
