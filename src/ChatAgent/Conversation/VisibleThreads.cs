using Vigil.ChatAgent.Conversation.State;
using Vigil.Ingestion.Modeling;

namespace Vigil.ChatAgent.Conversation;

/// <summary>
/// The modelled threads of a workspace that may be shown in a place: those of public channels, those of the place's
/// own channel, and designs that never came from chat (watched folders). A private channel's design never appears
/// in another channel's report, digest or the App Home.
/// </summary>
public sealed class VisibleThreads(ModelHistory history, ThreadPlaces places)
{
    /// <param name="channel">Where the result will be shown; null for a place no private channel owns (a digest, the App Home).</param>
    public async Task<IReadOnlyList<ModelHistory.ThreadVersion>> LatestAsOfAsync(string workspace, DateTimeOffset at, string? channel, CancellationToken cancellationToken)
    {
        var visible = new List<ModelHistory.ThreadVersion>();
        foreach (var version in await history.LatestAsOfAsync(workspace, at, cancellationToken))
        {
            var place = await places.FindAsync(version.ThreadKey, cancellationToken);
            if (place is null || !place.PrivateChannel || place.Thread.Channel == channel)
            {
                visible.Add(version);
            }
        }

        return visible;
    }
}
