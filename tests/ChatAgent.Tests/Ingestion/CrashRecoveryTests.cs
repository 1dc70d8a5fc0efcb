using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Vigil.ChatAgent.Tests.Ingestion;

/// <summary>
/// The durability promise, tested the hard way: a real <c>vigil ingest</c> process is SIGKILLed in the middle of a
/// large ingestion and started again. Every item must end up in the index exactly once — checked on the index itself.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Messages = 1000;

    [Fact]
    public async Task Killed_midway_and_restarted_every_item_is_indexed_exactly_once()
    {
        var cancel = TestContext.Current.CancellationToken;
        var work = Directory.CreateTempSubdirectory("vigil-crash-").FullName;
        var inputs = Path.Combine(work, "inputs");
        var data = Path.Combine(work, "data");
        var files = CrashInputs.Write(inputs, Messages);
        try
        {
            using (var first = StartIngest(inputs, data))
            {
                await WaitForChunksAsync(data, atLeast: 100, first, cancel);
                first.Kill(entireProcessTree: true);
                await first.WaitForExitAsync(cancel);
            }

            var beforeRestart = IndexedChunks(data);
            using var second = StartIngest(inputs, data);
            var stdout = await second.StandardOutput.ReadToEndAsync(cancel);
            await second.WaitForExitAsync(cancel).WaitAsync(TimeSpan.FromMinutes(10), cancel);
            output.WriteLine($"killed with {beforeRestart} chunks indexed; restart said: {stdout.Trim()}");
            Assert.True(second.ExitCode == 0, $"restart exited {second.ExitCode}: {await second.StandardError.ReadToEndAsync(cancel)}");

            var items = Items(data);
            Assert.Equal(Messages + files, items.Count);
            Assert.All(items, i => Assert.Equal("done", i.Status));
            var perItem = ChunksPerItem(data);
            Assert.All(items, i => Assert.True(perItem.GetValueOrDefault(i.Id) == i.ExpectedChunks,
                $"{i.Source}: {perItem.GetValueOrDefault(i.Id)} chunks in the index, {i.ExpectedChunks} expected"));
            output.WriteLine($"{items.Count} items, {perItem.Values.Sum()} chunks; chunks written again after the restart: {RewrittenChunks(data)}");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static Process StartIngest(string inputs, string data)
    {
        var vigil = Path.Combine(AppContext.BaseDirectory, "vigil.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { vigil, "ingest", inputs, "--channel", "design", "--data-dir", data })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task WaitForChunksAsync(string data, int atLeast, Process process, CancellationToken cancel)
    {
        while (IndexedChunks(data) < atLeast)
        {
            Assert.False(process.HasExited, $"vigil ingest ended before it could be killed: {await process.StandardError.ReadToEndAsync(cancel)}");
            await Task.Delay(50, cancel);
        }
    }

    private static long IndexedChunks(string data) =>
        Query(Path.Combine(data, "index.db"), "SELECT COUNT(*) FROM chunks", r => r.GetInt64(0)).FirstOrDefault();

    private static long RewrittenChunks(string data) =>
        Query(Path.Combine(data, "index.db"), "SELECT COUNT(*) FROM chunks WHERE writes > 1", r => r.GetInt64(0)).First();

    private static Dictionary<string, int> ChunksPerItem(string data) =>
        Query(Path.Combine(data, "index.db"), "SELECT item_id, COUNT(*) FROM chunks GROUP BY item_id", r => (r.GetString(0), r.GetInt32(1)))
            .ToDictionary(p => p.Item1, p => p.Item2);

    private sealed record Item(string Id, string Source, string Status, int ExpectedChunks);

    // The chunk step's own output says how many chunks each item has; the index must hold exactly those.
    private static List<Item> Items(string data) =>
        Query(Path.Combine(data, "ingestion.db"), """
            SELECT i.id, i.source, i.status, o.output FROM items i
            LEFT JOIN step_outputs o ON o.item_id = i.id AND o.step = 'chunk'
            """,
            r => new Item(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? -1 : JsonDocument.Parse((byte[])r[3]).RootElement.GetArrayLength()));

    private static List<T> Query<T>(string database, string sql, Func<SqliteDataReader, T> read)
    {
        if (!File.Exists(database))
        {
            return [];
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 1 or 5 or 6)
        {
            // The writer has not created the table yet, or holds a lock for a moment.
            return [];
        }
    }
}
