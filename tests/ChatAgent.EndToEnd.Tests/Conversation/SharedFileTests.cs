using Vigil.ChatAgent.EndToEnd.Tests.Host;
using Vigil.Ingestion.Modeling;
using Vigil.ThreatModel.Export;

namespace Vigil.ChatAgent.EndToEnd.Tests.Conversation;

/// <summary>Whiteboard photos and voice notes shared in a Slack thread, downloaded with the bot token and read into the thread's model.</summary>
public sealed class SharedFileTests : IAsyncLifetime
{
    private VigilUnderTest vigil = null!;
    private string missingModel = null!;

    public async ValueTask InitializeAsync()
    {
        missingModel = Path.Combine(Path.GetTempPath(), $"no-whisper-{Guid.NewGuid():N}", "ggml-base.bin");
        vigil = await VigilUnderTest.StartAsync($"--Transcription:ModelPath={missingModel}");
    }

    public ValueTask DisposeAsync() => vigil.DisposeAsync();

    [Fact]
    public async Task Slacks_own_transcript_of_a_voice_clip_counts_while_no_whisper_model_is_installed()
    {
        var voice = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Corpus, "05-pii-export-sftp", "voice-note.ogg"), TestContext.Current.CancellationToken);
        const string said = "The nightly job exports customer emails and phone numbers to the analytics vendor over plain FTP.";
        vigil.Slack.SeedFile("F-clip", "audio_message.m4a", "audio/mp4", voice, subtype: "slack_audio", transcript: said);
        var parent = SlackEvents.Ts(1);

        await vigil.PostEventAsync(SlackEvents.Message("U-ana", "Voice note from the huddle about the export:", parent));
        await vigil.PostEventAsync(SlackEvents.FileShare("U-ana", "", SlackEvents.Ts(2), parent, "F-clip"));
        await vigil.PostEventAsync(SlackEvents.Mention(vigil.Slack.BotUserId, "U-ana", "what are the risks here?", SlackEvents.Ts(3), parent));

        await vigil.BotMessageAsync(m => m.ThreadTs == parent);
        var sources = await vigil.Service<DesignRecords>().SourcesAsync($"T-fake/{VigilUnderTest.Channel}/{parent}", TestContext.Current.CancellationToken);
        Assert.Contains(sources, s => s.Text == said && s.Id.EndsWith("#transcript", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_whiteboard_photo_and_a_voice_note_shared_in_a_thread_reach_its_model_and_the_answer_says_what_waits()
    {
        var whiteboard = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Corpus, "03-upload-thumbnails-bucket", "whiteboard.png"), TestContext.Current.CancellationToken);
        var voice = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Corpus, "05-pii-export-sftp", "voice-note.ogg"), TestContext.Current.CancellationToken);
        vigil.Slack.SeedFile("F-board", "whiteboard.png", "image/png", whiteboard);
        vigil.Slack.SeedFile("F-voice", "audio_message.ogg", "audio/ogg", voice, subtype: "slack_audio");
        var parent = SlackEvents.Ts(1);

        await vigil.PostEventAsync(SlackEvents.Message("U-ana", "Here is the upload and thumbnail design from today's whiteboard session.", parent));
        await vigil.PostEventAsync(SlackEvents.FileShare("U-ana", "", SlackEvents.Ts(2), parent, "F-board"));
        await vigil.PostEventAsync(SlackEvents.FileShare("U-ben", "", SlackEvents.Ts(3), parent, "F-voice"));
        await vigil.PostEventAsync(SlackEvents.Mention(vigil.Slack.BotUserId, "U-ana", "what are the risks here?", SlackEvents.Ts(4), parent));

        var answer = await vigil.BotMessageAsync(m => m.ThreadTs == parent);
        var versions = vigil.Service<ModelVersions>();
        string[] elements = [];
        await vigil.Slack.WaitForAsync(() =>
        {
            var latest = versions.LatestAsync($"T-fake/{VigilUnderTest.Channel}/{parent}", CancellationToken.None).GetAwaiter().GetResult();
            elements = latest is { } l ? AnalysisJson.Deserialize(l.Json).Model.Elements.Select(e => e.Name).ToArray() : [];
            return elements.Any(e => e.Contains("thumb", StringComparison.OrdinalIgnoreCase));
        }, TimeSpan.FromSeconds(60));

        Assert.Contains(elements, e => e.Contains("tandem-public-media", StringComparison.OrdinalIgnoreCase) || e.Contains("tandem-uploads", StringComparison.OrdinalIgnoreCase));
        var blocks = answer.Blocks!.ToJsonString();
        Assert.Contains("audio_message.ogg is waiting", blocks, StringComparison.Ordinal);
        Assert.Contains("Transcription:ModelPath", blocks, StringComparison.Ordinal);
        Assert.All(vigil.Slack.Calls("files/F-board"), c => Assert.Equal($"Bearer {vigil.Slack.BotToken}", c.Authorization));
    }
}
