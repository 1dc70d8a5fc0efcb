using Vigil.ChatAgent.Conversation.State;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Conversation.Tuning;

/// <summary>
/// Per-workspace tuning of the rule catalogue by security engineers: a rule switched off, or its severity overridden.
/// Every change is a new audited row (who, when, why); the current tuning is the latest change per rule.
/// </summary>
public sealed class RuleTuning(ConversationDatabase database, TimeProvider time)
{
    public Task DisableAsync(string workspace, string ruleId, string reason, string actor, CancellationToken cancellationToken) =>
        AppendAsync(workspace, ruleId, "disable", null, reason, actor, cancellationToken);

    public Task EnableAsync(string workspace, string ruleId, string reason, string actor, CancellationToken cancellationToken) =>
        AppendAsync(workspace, ruleId, "enable", null, reason, actor, cancellationToken);

    public Task OverrideSeverityAsync(string workspace, string ruleId, Severity severity, string reason, string actor, CancellationToken cancellationToken) =>
        AppendAsync(workspace, ruleId, "severity", severity, reason, actor, cancellationToken);

    /// <summary>The tuning in force: the latest change of each rule.</summary>
    public async Task<TuningSet> CurrentAsync(string workspace, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, TuningChange>(StringComparer.OrdinalIgnoreCase);
        foreach (var change in await HistoryAsync(workspace, cancellationToken))
        {
            latest[change.RuleId] = change;
        }

        return new TuningSet(
            latest.Values.Where(c => c.Action == "disable").ToDictionary(c => c.RuleId, StringComparer.OrdinalIgnoreCase),
            latest.Values.Where(c => c.Action == "severity").ToDictionary(c => c.RuleId, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Every tuning change of the workspace, oldest first: the audit trail.</summary>
    public async Task<IReadOnlyList<TuningChange>> HistoryAsync(string workspace, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rule_id, action, severity, reason, actor, at FROM rule_tuning WHERE workspace = $workspace ORDER BY seq";
        command.Parameters.AddWithValue("$workspace", workspace);
        var history = new List<TuningChange>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(new TuningChange(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : Enum.Parse<Severity>(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return history;
    }

    private async Task AppendAsync(string workspace, string ruleId, string action, Severity? severity, string reason, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException($"tuning {ruleId} needs a reason", nameof(reason));
        }

        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO rule_tuning (workspace, rule_id, action, severity, reason, actor, at) VALUES ($workspace, $rule, $action, $severity, $reason, $actor, $at)
            """;
        command.Parameters.AddWithValue("$workspace", workspace);
        command.Parameters.AddWithValue("$rule", ruleId);
        command.Parameters.AddWithValue("$action", action);
        command.Parameters.AddWithValue("$severity", (object?)severity?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$reason", reason);
        command.Parameters.AddWithValue("$actor", actor);
        command.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>One audited tuning change.</summary>
public sealed record TuningChange(string RuleId, string Action, Severity? Severity, string Reason, string Actor, DateTimeOffset At);
