using Microsoft.Extensions.Time.Testing;
using Vigil.ChatAgent.Conversation;
using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ThreatModel.Findings;
using static Vigil.ChatAgent.Tests.Conversation.Digest.DigestDesigns;

namespace Vigil.ChatAgent.Tests.Conversation.Digest;

public sealed class DigestServiceTests : IDisposable
{
    private readonly DigestWorkspace workspace = new(new FakeTimeProvider(Monday));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_digest_compares_stored_designs_now_with_a_week_ago_and_counts_decisions()
    {
        var severe = Payments.HighOrCritical();
        var (mitigated, added, old) = (severe[0], severe[1], severe[2]);
        await workspace.SaveAsync("T1/C1/1700000000.000100", "#payments thread", Monday.AddDays(-30), Payments.Only(mitigated, old), Cancel);
        await workspace.SaveAsync("T1/C1/1700000000.000100", "#payments thread", Monday.AddDays(-3), Payments.Only(mitigated, old, added), Cancel);
        await workspace.SaveAsync("T9/C1/-", "#another workspace", Monday.AddDays(-3), PiiExport, Cancel);
        await workspace.Ledger.RecordAsync(new FindingDecision("T1", mitigated.Id, FindingStatus.Mitigated, "HMAC check added in #412", "U_raj", Monday.AddDays(-1)), Cancel);

        var reply = await workspace.Digests.ComposeAsync("T1", Monday, (key, _) => Task.FromResult<string?>($"https://chat.example/{key}"), Cancel);

        Assert.Equal([added.Id], reply.Section("New this week").OfType<FindingBlock>().Select(b => b.Finding.Id));
        Assert.Equal([$"{mitigated.Id} {mitigated.Title} ({mitigated.Component}) — mitigated by U_raj: “HMAC check added in #412”"], reply.Lines("Resolved this week"));
        Assert.StartsWith("Open high and critical risks: 2, unchanged from a week ago.", reply.Trend());
        Assert.Equal([$"{old.Id} {old.Title} ({old.Component}) — {old.Severity.ToString().ToLowerInvariant()} {old.Score:0.0}, open 30 days, in #payments thread"], reply.Lines("High risks open longer than 14 days"));
        Assert.Equal("https://chat.example/T1/C1/1700000000.000100", Assert.IsType<LinkLine>(Assert.Single(reply.Section("Top services by risk"))).Url);
    }

    [Fact]
    public async Task A_private_channels_design_stays_out_of_the_digest()
    {
        await workspace.SaveAsync("T1/C1/1700000000.000100", "#payments thread", Monday.AddDays(-2), Payments, Cancel);
        await workspace.SaveAsync("T1/G7/1700000000.000200", "#secret-merger thread", Monday.AddDays(-2), PiiExport, Cancel);
        await workspace.Places.RecordAsync(new ConversationRef("slack", "T1", "C1", "1700000000.000100"), privateChannel: false, Cancel);
        await workspace.Places.RecordAsync(new ConversationRef("slack", "T1", "G7", "1700000000.000200"), privateChannel: true, Cancel);

        var reply = await workspace.Digests.ComposeAsync("T1", Monday, Cancel);

        var text = string.Join("\n", reply.Blocks.Select(b => b.ToString()));
        Assert.Contains("#payments thread", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-merger", text, StringComparison.Ordinal);
    }

    public void Dispose() => workspace.Dispose();
}
