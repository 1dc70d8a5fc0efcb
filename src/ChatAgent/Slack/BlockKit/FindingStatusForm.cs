namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>What someone typed into the finding status modal.</summary>
/// <param name="Reason">Why, trimmed; empty when left blank.</param>
/// <param name="Expires">Until when an accepted risk stands, or null for no end date.</param>
public sealed record FindingStatusForm(string Reason, DateOnly? Expires);
