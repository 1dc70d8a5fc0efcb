namespace Vigil.ChatAgent.Conversation.Tuning;

/// <summary>The <c>Tuning</c> configuration section: who may change how the rules judge this workspace.</summary>
public sealed class TuningOptions
{
    public const string Section = "Tuning";

    /// <summary>
    /// Platform user ids (Slack <c>U…</c>) allowed to disable rules or override their severity. Empty: anyone in
    /// the workspace may, which suits a trial; a security team sets itself here.
    /// </summary>
    public List<string> Admins { get; set; } = [];

    public bool MayTune(string user) => Admins.Count == 0 || Admins.Contains(user, StringComparer.Ordinal);
}
