using System.Text.Json.Nodes;
using Vigil.ChatAgent.EndToEnd.Tests.Host;

namespace Vigil.ChatAgent.EndToEnd.Tests.Conversation;

/// <summary>Vigil introduces itself once when invited, and shows the workspace's risk in its App Home.</summary>
public sealed class WelcomeAndHomeTests : IAsyncLifetime
{
    private VigilUnderTest vigil = null!;

    public async ValueTask InitializeAsync() => vigil = await VigilUnderTest.StartAsync();

    public ValueTask DisposeAsync() => vigil.DisposeAsync();

    [Fact]
    public async Task Being_invited_posts_a_short_introduction_but_someone_else_joining_does_not()
    {
        await vigil.PostEventAsync(new JsonObject { ["type"] = "member_joined_channel", ["user"] = "U-carol", ["channel"] = "C-new", ["channel_type"] = "C", ["team"] = "T-fake" });
        await vigil.PostEventAsync(new JsonObject { ["type"] = "member_joined_channel", ["user"] = vigil.Slack.BotUserId, ["channel"] = "C-new", ["channel_type"] = "C", ["team"] = "T-fake", ["inviter"] = "U-ana" });

        var intro = await vigil.BotMessageAsync(_ => true, channel: "C-new");

        Assert.Contains("/threat unwatch", intro.Blocks!.ToJsonString(), StringComparison.Ordinal);
        Assert.True(intro.IsTopLevel);
        Assert.Single(vigil.Slack.Messages("C-new"));
    }

    [Fact]
    public async Task Opening_the_app_home_publishes_the_risk_overview_of_the_workspace()
    {
        var parent = SlackEvents.Ts(1);
        await vigil.PostEventAsync(SlackEvents.Message("U-ana", "We're adding a public webhook endpoint POST /hooks/paynova on payments-api that receives payment events from PayNova over the internet.", parent));
        await vigil.BotMessageAsync(m => m.ThreadTs == parent);

        await vigil.PostEventAsync(new JsonObject { ["type"] = "app_home_opened", ["user"] = "U-sec", ["channel"] = "D-sec", ["tab"] = "home", ["event_ts"] = "1800000001.000100" });

        await vigil.Slack.WaitForAsync(() => vigil.Slack.HomeView("U-sec") is not null, TimeSpan.FromSeconds(30));
        var home = vigil.Slack.HomeView("U-sec")!.ToJsonString();
        Assert.Contains("\"type\":\"home\"", home, StringComparison.Ordinal);
        Assert.Contains("Inbound webhook or callback accepted without verifying the sender", home, StringComparison.Ordinal);
        Assert.Contains("open risk", home, StringComparison.Ordinal);
    }
}
