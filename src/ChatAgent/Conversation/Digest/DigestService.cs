using System.Text.Json;
using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.Ingestion.Modeling;
using Vigil.ThreatModel.Export;

namespace Vigil.ChatAgent.Conversation.Digest;

/// <summary>
/// Gathers a workspace's history (each thread now and a week ago, first sightings, decisions) and has the
/// <see cref="DigestComposer"/> write the digest. Used by the weekly schedule and by <c>/threat digest</c>.
/// </summary>
/// <param name="links">Turns a thread key into a link people can open; the platform adapter supplies it.</param>
public sealed partial class DigestService(
    ModelHistory history,
    VisibleThreads visible,
    FindingLedger ledger,
    ILogger<DigestService> logger,
    Func<string, CancellationToken, Task<string?>>? links = null)
{
    public Task<Reply> ComposeAsync(string workspace, DateTimeOffset now, CancellationToken cancellationToken) =>
        ComposeAsync(workspace, now, links, cancellationToken);

    /// <param name="threadLinks">Overrides the resolver given at construction (a digest posted to one platform links into it).</param>
    public async Task<Reply> ComposeAsync(
        string workspace,
        DateTimeOffset now,
        Func<string, CancellationToken, Task<string?>>? threadLinks,
        CancellationToken cancellationToken)
    {
        var weekAgo = now - DigestInput.Week;
        var input = new DigestInput(
            now,
            await ThreadsAsync(workspace, now, threadLinks, cancellationToken),
            await ThreadsAsync(workspace, weekAgo, null, cancellationToken),
            await history.FirstSeenAsync(workspace, cancellationToken),
            await ledger.LatestDecisionsAsync(workspace, now, cancellationToken),
            await ledger.LatestDecisionsAsync(workspace, weekAgo, cancellationToken));
        return DigestComposer.Compose(input);
    }

    private async Task<IReadOnlyList<DigestThread>> ThreadsAsync(
        string workspace,
        DateTimeOffset at,
        Func<string, CancellationToken, Task<string?>>? threadLinks,
        CancellationToken cancellationToken)
    {
        var threads = new List<DigestThread>();
        // A digest goes to a shared channel: private channels' designs stay out of it.
        foreach (var version in await visible.LatestAsOfAsync(workspace, at, channel: null, cancellationToken))
        {
            try
            {
                var analysis = AnalysisJson.Deserialize(version.Json);
                var link = threadLinks is null ? null : await LinkAsync(threadLinks, version.ThreadKey, cancellationToken);
                threads.Add(new DigestThread(version.ThreadKey, version.Name, version.Version, link, analysis));
            }
            catch (JsonException e)
            {
                // One unreadable version must not cost the whole workspace its digest.
                LogUnreadableVersion(version.ThreadKey, version.Version, e.Message);
            }
        }

        return threads;
    }

    private async Task<string?> LinkAsync(Func<string, CancellationToken, Task<string?>> threadLinks, string threadKey, CancellationToken cancellationToken)
    {
        try
        {
            return await threadLinks(threadKey, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A digest without one link is still worth reading.
            LogLinkFailed(threadKey, e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest skips {ThreadKey} version {Version}: the stored analysis is unreadable ({Reason})")]
    private partial void LogUnreadableVersion(string threadKey, int version, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest has no link for {ThreadKey}: {Error}")]
    private partial void LogLinkFailed(string threadKey, string error);
}
