using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Sources;

namespace Vigil.ThreatModel.Tests.Redaction;

public sealed class SecretRedactorTests
{
    [Theory]
    [InlineData("the key is sk_live_51HxAbCdEf0123456789 in appsettings", "sk_live_51HxAbCdEf0123456789")]
    [InlineData("CI uses AKIAIOSFODNN7EXAMPLE for deploys", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("bot token xoxb-123456789012-abcdefghijkl", "xoxb-123456789012-abcdefghijkl")]
    [InlineData("DB_PASSWORD=hunter2hunter2 is in the compose file", "hunter2hunter2")]
    public void Token_shaped_secrets_are_masked_but_their_kind_stays_readable(string sentence, string secret)
    {
        var redacted = SecretRedactor.Redact(sentence);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains("[redacted]", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholders_and_prose_about_secrets_are_left_alone()
    {
        const string sentence = "the password is in 1Password and api_key=${API_KEY} comes from the environment";

        Assert.Equal(sentence, SecretRedactor.Redact(sentence));
    }

    [Fact]
    public void A_finding_about_a_leaked_key_does_not_repeat_the_key()
    {
        var result = ThreatAnalyzer.Default.Analyze(
            [new SourceDocument("t#1", SourceKind.Message, "billing-svc has the live key sk_live_51HxAbCdEf0123456789 committed in the repo", 0)], "design");

        Assert.NotEmpty(result.Findings);
        Assert.All(result.Findings.SelectMany(f => f.Evidence), e => Assert.DoesNotContain("51HxAbCdEf0123456789", e.Quote, StringComparison.Ordinal));
    }
}
