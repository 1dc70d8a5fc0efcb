using System.Text;
using Vigil.ChatAgent.Slack.Http;

namespace Vigil.ChatAgent.Tests.Slack;

/// <summary>Slack's documented signing example (slack.md §1.3), and what a forger or a replayer gets.</summary>
public sealed class SlackSignatureTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public void Slacks_documented_example_computes_the_documented_signature() =>
        Assert.Equal(Expected, SlackSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void Slacks_documented_example_is_accepted_at_its_own_time() =>
        Assert.Null(SlackSignature.Problem(Secret, Timestamp, Expected, Encoding.UTF8.GetBytes(Body), SignedAt, Window));

    [Fact]
    public void The_documented_example_replayed_six_minutes_later_is_refused()
    {
        var problem = SlackSignature.Problem(Secret, Timestamp, Expected, Encoding.UTF8.GetBytes(Body), SignedAt.AddMinutes(6), Window);

        Assert.Contains("360 s", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_body_or_another_secret_is_refused()
    {
        Assert.Equal("the signature does not match", SlackSignature.Problem(Secret, Timestamp, Expected, Encoding.UTF8.GetBytes(Body + "&x=1"), SignedAt, Window));
        Assert.Equal("the signature does not match", SlackSignature.Problem("another-secret", Timestamp, Expected, Encoding.UTF8.GetBytes(Body), SignedAt, Window));
    }

    [Theory]
    [InlineData(null, Expected)]
    [InlineData(Timestamp, null)]
    [InlineData("yesterday", Expected)]
    public void Missing_or_malformed_headers_are_refused(string? timestamp, string? signature) =>
        Assert.NotNull(SlackSignature.Problem(Secret, timestamp, signature, Encoding.UTF8.GetBytes(Body), SignedAt, Window));
}
