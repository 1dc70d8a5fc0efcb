using System.Text.Json;
using Vigil.ChatAgent.Conversation.State;

namespace Vigil.ChatAgent.Conversation.Inbox;

/// <summary>
/// The durable inbox of platform events. An adapter acknowledges the platform only after <see cref="AcceptAsync"/>
/// committed the event, and the same delivery key (Slack's event_id, repeated on its retries) is stored once, so a
/// retried delivery never produces a second answer.
/// </summary>
public sealed class ConversationInbox(ConversationDatabase database, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<InboxLane, SemaphoreSlim> arrived = new() { [InboxLane.Said] = new(0), [InboxLane.Answer] = new(0) };

    /// <summary>Stores the event; false when an event with the same key was already stored (a redelivery).</summary>
    /// <param name="delay">Hold the event back this long (a fallback that should lose to a better-placed event).</param>
    public async Task<bool> AcceptAsync(string dedupeKey, ConversationEvent conversationEvent, CancellationToken cancellationToken, TimeSpan delay = default)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO inbox (dedupe_key, lane, thread_key, payload, status, due_at, received_at, updated_at)
            VALUES ($key, $lane, $thread, $payload, 'queued', $due, $now, $now)
            ON CONFLICT(dedupe_key) DO NOTHING
            """;
        var lane = InboxLanes.Of(conversationEvent);
        command.Parameters.AddWithValue("$key", dedupeKey);
        command.Parameters.AddWithValue("$lane", lane.ToString());
        command.Parameters.AddWithValue("$thread", Places.ThreadKey(conversationEvent.Where));
        command.Parameters.AddWithValue("$payload", JsonSerializer.Serialize(conversationEvent, Json));
        command.Parameters.AddWithValue("$due", now + (long)delay.TotalMilliseconds);
        command.Parameters.AddWithValue("$now", now);
        var stored = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (stored && arrived[lane].CurrentCount == 0)
        {
            arrived[lane].Release();
        }

        return stored;
    }

    /// <summary>Whether an event with this key was ever stored.</summary>
    public async Task<bool> ContainsAsync(string dedupeKey, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM inbox WHERE dedupe_key = $key";
        command.Parameters.AddWithValue("$key", dedupeKey);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Takes the oldest due event of a lane, marking it running; null when none is due.</summary>
    public async Task<InboxEvent?> LeaseAsync(InboxLane lane, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE inbox SET status = 'running', attempts = attempts + 1, updated_at = $now
                WHERE seq = (
                    SELECT seq FROM inbox AS next
                    WHERE lane = $lane AND status = 'queued' AND due_at <= $now
                      -- Within a thread, in arrival order: an edit never overtakes the message it edits while that one waits for a retry.
                      AND NOT EXISTS (SELECT 1 FROM inbox AS earlier
                                      WHERE earlier.thread_key = next.thread_key AND earlier.lane = next.lane
                                        AND earlier.status IN ('queued', 'running') AND earlier.seq < next.seq)
                    ORDER BY due_at, seq LIMIT 1)
                RETURNING seq, dedupe_key, payload, attempts
                """;
            command.Parameters.AddWithValue("$now", now);
            command.Parameters.AddWithValue("$lane", lane.ToString());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var (seq, key, payload, attempts) = (reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3));
            // Closed before the next statement on this connection.
            await reader.DisposeAsync();
            try
            {
                var read = JsonSerializer.Deserialize<ConversationEvent>(payload, Json) ?? throw new JsonException("the payload is null");
                return new InboxEvent(seq, key, read, attempts);
            }
            catch (JsonException e)
            {
                // An event this version cannot read would otherwise block nothing but poison every restart: park it.
                await SetAsync(seq, "failed", $"unreadable event: {e.Message}", null, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Waits (at most <paramref name="timeout"/>) until everything said before event <paramref name="seq"/> has been
    /// handed on, so an answer sees the message, file or edit posted just before the question.
    /// </summary>
    public async Task WaitForSaidBeforeAsync(long seq, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        while (time.GetUtcNow() < deadline)
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1 FROM inbox WHERE lane = 'Said' AND status IN ('queued', 'running') AND seq < $seq LIMIT 1";
            command.Parameters.AddWithValue("$seq", seq);
            if (await command.ExecuteScalarAsync(cancellationToken) is null)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        }
    }

    /// <summary>Waits until an event arrives in the lane, or at most <paramref name="timeout"/> (held-back events come due without a signal).</summary>
    public Task WaitForEventsAsync(InboxLane lane, TimeSpan timeout, CancellationToken cancellationToken) => arrived[lane].WaitAsync(timeout, cancellationToken);

    /// <summary>Done: only the key is kept (to recognise redeliveries); what was said is not kept here once handled.</summary>
    public Task CompleteAsync(InboxEvent item, CancellationToken cancellationToken) => SetAsync(item.Seq, "done", null, null, cancellationToken, forgetPayload: true);

    public Task RetryLaterAsync(InboxEvent item, string reason, TimeSpan delay, CancellationToken cancellationToken) =>
        SetAsync(item.Seq, "queued", reason, time.GetUtcNow().Add(delay), cancellationToken);

    public Task FailAsync(InboxEvent item, string reason, CancellationToken cancellationToken) => SetAsync(item.Seq, "failed", reason, null, cancellationToken);

    /// <summary>Events a killed process left running are due again; called once at start.</summary>
    public async Task<int> RecoverAbandonedAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE inbox SET status = 'queued' WHERE status = 'running'";
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How many events are stored in each state (the status page and the load benchmark read this).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, COUNT(*) FROM inbox GROUP BY status";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    /// <summary>
    /// Forgets finished and failed events older than <paramref name="age"/>. Their keys go too: Slack stops retrying
    /// after minutes, so days of keys are plenty to recognise redeliveries.
    /// </summary>
    public async Task<int> PruneAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM inbox WHERE status IN ('done', 'failed') AND updated_at < $before";
        command.Parameters.AddWithValue("$before", time.GetUtcNow().Subtract(age).ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task SetAsync(long seq, string status, string? reason, DateTimeOffset? dueAt, CancellationToken cancellationToken, bool forgetPayload = false)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE inbox SET status = $status, reason = $reason, due_at = COALESCE($due, due_at), updated_at = $now{(forgetPayload ? ", payload = ''" : "")} WHERE seq = $seq";
        command.Parameters.AddWithValue("$status", status);
        command.Parameters.AddWithValue("$reason", (object?)reason ?? DBNull.Value);
        command.Parameters.AddWithValue("$due", (object?)dueAt?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$seq", seq);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
