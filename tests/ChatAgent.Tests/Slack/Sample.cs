using System.Text.Json.Nodes;
using Vigil.ChatAgent.Conversation.Replies;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Tests.Slack;

/// <summary>Findings as the core hands them to an adapter, modelled on the corpus' payments thread.</summary>
internal static class Sample
{
    public static FindingView Finding(
        string id = "F-1a2b3c4d",
        string title = "Reports API has no authentication",
        FindingStatus status = FindingStatus.Open,
        string? statusReason = null,
        string? url = "https://acme.slack.com/archives/C111/p1700000000000100") =>
        new(
            id,
            title,
            Severity.High,
            7.8,
            "reports-api",
            "Anyone who can reach it reads every customer report.",
            ["Require OIDC tokens at the gateway", "Put reports-api behind the internal ALB", "Log every read with the caller id", "Rotate shared secrets"],
            [new EvidenceLink("#payments", "no auth on the reports-api for now", url)],
            status,
            new ComplianceMapping(["AC-3", "IA-2", "AC-6"], ["7.2.1"], ["A.5.15"]),
            statusReason);

    public static string TextOf(JsonNode block) => (string)block["text"]!["text"]!;

    /// <summary>Every string in the blocks that Slack shows or parses: texts, values and ids.</summary>
    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
