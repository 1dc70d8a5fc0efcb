using Vigil.ChatAgent.Conversation;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ChatAgent.Slack.BlockKit;

namespace Vigil.ChatAgent.Tests.Conversation;

/// <summary>A reason or question repeated by Vigil can never ping anyone, whatever markup it holds.</summary>
public sealed class QuotedTests
{
    [Fact]
    public void Markup_in_repeated_words_renders_as_plain_text_while_vigils_own_mention_stays_a_mention()
    {
        var reason = "ask <@U0BOSS> or <!here>, see <https://evil.example|the fix>";
        var reply = Reply.Say($"Recorded by <@U0SEC>: “{Quoted.Text(reason)}”");

        var text = SlackMessageRenderer.Render(reply).Blocks.ToJsonString();

        Assert.Contains("<@U0SEC>", System.Text.RegularExpressions.Regex.Unescape(text), StringComparison.Ordinal);
        Assert.DoesNotContain("<@U0BOSS>", System.Text.RegularExpressions.Regex.Unescape(text), StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", System.Text.RegularExpressions.Regex.Unescape(text), StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil.example", System.Text.RegularExpressions.Regex.Unescape(text), StringComparison.Ordinal);
        Assert.Contains("‹@U0BOSS›", System.Text.RegularExpressions.Regex.Unescape(text), StringComparison.Ordinal);
    }
}
