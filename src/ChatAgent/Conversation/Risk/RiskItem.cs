using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Risk;

/// <summary>A finding with the human decision in force about it, if any.</summary>
public sealed record RiskItem(Finding Finding, FindingDecision? Decision)
{
    public FindingStatus Status => Decision?.Status ?? FindingStatus.Open;

    public bool IsOpen => Status == FindingStatus.Open;
}

/// <summary>The risk of a thread, a channel or a workspace as it stands now, with notes on what could not be read yet.</summary>
/// <param name="Findings">Tuned (disabled rules gone, severities overridden), most severe first.</param>
public sealed record RiskPicture(string Name, ConversationRef Where, IReadOnlyList<Vigil.ThreatModel.Analysis.AnalysisResult> Analyses, IReadOnlyList<RiskItem> Findings, IReadOnlyList<string> Notes)
{
    public IEnumerable<RiskItem> Open => Findings.Where(f => f.IsOpen);

    /// <summary>No picture: for requests that are not about a design (help, settings, the digest).</summary>
    public static RiskPicture Nothing(ConversationRef where) => new("this channel", where, [], [], []);
}
