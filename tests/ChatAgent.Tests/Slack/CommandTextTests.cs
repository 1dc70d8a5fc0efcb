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

    [Theory]
    [InlineData("status F-1 accepted \"R&amp;D only, behind the VPN &lt;10 users&gt;\"", "status F-1 accepted \"R&D only, behind the VPN <10 users>\"")]
    [InlineData("  status F-1 mitigated \"see <https://wiki.example.com/adr/7|ADR 7>\"  ", "status F-1 mitigated \"see ADR 7 (https://wiki.example.com/adr/7)\"")]
    [InlineData("report <https://acme.slack.com/archives/C0123ABC/p1700000000000200?thread_ts=1700000000.000100&amp;cid=C0123ABC>", "report thread:C0123ABC/1700000000.000100")]
    public void Reasons_are_read_as_typed_not_as_Slack_escaped_them(string text, string expected) => Assert.Equal(expected, CommandText.Read(text));
}
