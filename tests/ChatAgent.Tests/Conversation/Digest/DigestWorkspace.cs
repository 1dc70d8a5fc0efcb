using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.ChatAgent.Conversation;
using Vigil.ChatAgent.Conversation.Digest;
using Vigil.ChatAgent.Conversation.State;
using Vigil.ChatAgent.Conversation.Findings;
using Vigil.Ingestion.Modeling;
using Vigil.Ingestion.Queue;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Export;

namespace Vigil.ChatAgent.Tests.Conversation.Digest;

/// <summary>A workspace's real stores in a temp folder: the ingestion database with model versions and the finding ledger.</summary>
internal sealed class DigestWorkspace : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-digest-").FullName;
    private readonly IngestionDatabase database;

    public DigestWorkspace(FakeTimeProvider time)
    {
        Time = time;
        database = new IngestionDatabase(Path.Combine(folder, "ingestion.db"));
        History = new ModelHistory(database);
        Ledger = new FindingLedger(Path.Combine(folder, "findings.db"), time);
        Places = new ThreadPlaces(new ConversationDatabase(Path.Combine(folder, "conversation.db")));
        Digests = new DigestService(History, new VisibleThreads(History, Places), Ledger, NullLogger<DigestService>.Instance);
    }

    public FakeTimeProvider Time { get; }

    public ModelHistory History { get; }

    public FindingLedger Ledger { get; }

    /// <summary>Where threads live; a thread recorded here as private stays out of the digest.</summary>
    public ThreadPlaces Places { get; }

    public DigestService Digests { get; }

    /// <summary>Stores the thread's next analysis as if the modeler wrote it at <paramref name="at"/>.</summary>
    public async Task SaveAsync(string threadKey, string name, DateTimeOffset at, AnalysisResult analysis, CancellationToken cancellationToken)
    {
        await using (var connection = database.Open())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO threads (thread_key, name, changes) VALUES ($key, $name, 1) ON CONFLICT(thread_key) DO NOTHING";
            command.Parameters.AddWithValue("$key", threadKey);
            command.Parameters.AddWithValue("$name", name);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var clock = new FakeTimeProvider(at);
        var versions = new ModelVersions(database, clock);
        var current = await versions.LatestAsync(threadKey, cancellationToken);
        await versions.SaveAsync(new ModelVersions.DirtyThread(threadKey, name, 1, current?.Version ?? 0), AnalysisJson.Serialize(analysis), cancellationToken);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
