using Vigil.Ingestion.Queue;

namespace Vigil.Ingestion.Pipeline;

/// <summary>
/// Which steps an item has finished, and what each produced, keyed by the item and its content hash: a finished step
/// is never run again for the same content.
/// </summary>
public sealed class StepOutputs(IngestionDatabase database)
{
    /// <summary>The steps this item has finished for its current content.</summary>
    public async Task<IReadOnlySet<string>> FinishedAsync(IngestionItem item, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT step FROM step_outputs WHERE item_id = $id AND content_hash = $hash";
        Bind(command, item, "");
        var steps = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            steps.Add(reader.GetString(0));
        }

        return steps;
    }

    public async Task<byte[]?> ReadAsync(IngestionItem item, string step, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT output FROM step_outputs WHERE item_id = $id AND step = $step AND content_hash = $hash";
        Bind(command, item, step);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task SaveAsync(IngestionItem item, string step, byte[]? output, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO step_outputs (item_id, step, content_hash, output) VALUES ($id, $step, $hash, $output)
            ON CONFLICT(item_id, step) DO UPDATE SET content_hash = excluded.content_hash, output = excluded.output
            """;
        Bind(command, item, step);
        command.Parameters.AddWithValue("$output", (object?)output ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Bind(Microsoft.Data.Sqlite.SqliteCommand command, IngestionItem item, string step)
    {
        command.Parameters.AddWithValue("$id", item.Id);
        command.Parameters.AddWithValue("$step", step);
        command.Parameters.AddWithValue("$hash", item.ContentHash);
    }

    /// <summary>Forgets that these steps ran, for every item, so they run again (e.g. embed and index after a model change).</summary>
    public async Task ForgetAsync(IReadOnlyList<string> steps, CancellationToken cancellationToken)
    {
        await using var connection = database.Open();
        foreach (var step in steps)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM step_outputs WHERE step = $step";
            command.Parameters.AddWithValue("$step", step);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
