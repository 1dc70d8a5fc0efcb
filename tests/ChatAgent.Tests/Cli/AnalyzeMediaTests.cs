using System.Text.Json;

namespace Vigil.ChatAgent.Tests.Cli;

/// <summary><c>vigil analyze</c> reads whiteboard photos with real Tesseract and voice notes with real ffmpeg.</summary>
public sealed class AnalyzeMediaTests
{
    [Fact]
    public async Task A_whiteboard_photo_alone_yields_the_components_drawn_on_it()
    {
        var photo = Path.Combine(RepositoryPaths.Corpus, "03-upload-thumbnails-bucket", "whiteboard.png");

        var (exitCode, output, error) = await CliRunner.Run("analyze", photo, "--format", "json");

        Assert.True(exitCode == 0, error);
        using var report = JsonDocument.Parse(output);
        var names = report.RootElement.GetProperty("model").GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "web-api", "tandem-uploads", "thumb-jobs", "tandem-public-media" }, names.ToHashSet());
        var evidence = report.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("evidence").GetProperty("source").GetString());
        Assert.Contains("whiteboard.png", evidence);
    }

    [Fact]
    public async Task A_voice_note_without_a_transcription_model_is_reported_with_how_to_enable_it()
    {
        var note = Path.Combine(RepositoryPaths.Corpus, "05-pii-export-sftp", "voice-note.ogg");
        var thread = Path.Combine(RepositoryPaths.Corpus, "05-pii-export-sftp", "design.md");
        if (Environment.GetEnvironmentVariable("VIGIL_WHISPER_MODEL") is { Length: > 0 })
        {
            Assert.Skip("VIGIL_WHISPER_MODEL is set: the voice note is transcribed, so the no-model message cannot be seen");
        }

        var (exitCode, output, error) = await CliRunner.Run("analyze", note, thread, "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Contains("voice-note.ogg: Voice note not transcribed yet", error);
        Assert.Contains("Transcription:ModelPath", error);
        Assert.Contains("\"findings\"", output);
    }
}
