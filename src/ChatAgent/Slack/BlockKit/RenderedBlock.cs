using System.Text.Json.Nodes;

namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>The Block Kit blocks one reply block became; they are kept or dropped together.</summary>
/// <param name="Cut">Some of its text did not fit Slack's limits and was shortened.</param>
/// <param name="Counts">Worth mentioning as "not shown" when dropped (a divider is not).</param>
internal sealed record RenderedBlock(IReadOnlyList<JsonObject> Blocks, bool Cut, bool Counts)
{
    public static RenderedBlock Empty { get; } = new([], false, false);
}
