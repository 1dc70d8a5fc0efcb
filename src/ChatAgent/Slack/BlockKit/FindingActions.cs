using System.Diagnostics.CodeAnalysis;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>The action ids of a finding's buttons and the status each one asks for.</summary>
public static class FindingActions
{
    public const string Mitigated = "vigil.finding.mitigated";
    public const string Accepted = "vigil.finding.accepted";
    public const string FalsePositive = "vigil.finding.false_positive";

    /// <summary>Prefix of the actions block's <c>block_id</c>; the finding id follows it.</summary>
    public const string BlockIdPrefix = "finding:";

    /// <summary>The buttons in the order shown, with their labels.</summary>
    public static IReadOnlyList<(string ActionId, string Label, FindingStatus Status)> Buttons { get; } =
    [
        (Mitigated, "Mitigated", FindingStatus.Mitigated),
        (Accepted, "Accept risk", FindingStatus.Accepted),
        (FalsePositive, "False positive", FindingStatus.FalsePositive),
    ];

    public static bool TryParse([NotNullWhen(true)] string? actionId, out FindingStatus status)
    {
        foreach (var button in Buttons)
        {
            if (string.Equals(button.ActionId, actionId, StringComparison.Ordinal))
            {
                status = button.Status;
                return true;
            }
        }

        status = FindingStatus.Open;
        return false;
    }
}
