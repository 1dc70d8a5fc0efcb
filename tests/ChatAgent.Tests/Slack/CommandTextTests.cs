using Vigil.ChatAgent.Slack.Inbound;

namespace Vigil.ChatAgent.Tests.Slack;

/// <summary>Slack's escaped channels and message links in <c>/threat report …</c>, as the core's plain targets.</summary>
public sealed class CommandTextTests
{
    [Theory]
    [InlineData("report <#C0123ABC|payments-design>", "report #C0123ABC")]
    [InlineData("watch <#C0123ABC> high", "watch #C0123ABC high")]
    [InlineData("report https://acme.slack.com/archives/C0123ABC/p1700000000000100", "report thread:C0123ABC/1700000000.000100")]
    [InlineData("report <https://acme.slack.com/archives/C0123ABC/p1700000000000200?thread_ts=1700000000.000100&cid=C0123ABC>", "report thread:C0123ABC/1700000000.000100")]
    [InlineData("report payments-api", "report payments-api")]
    public void Targets_are_normalized(string text, string expected) => Assert.Equal(expected, CommandText.Normalize(text));
}
