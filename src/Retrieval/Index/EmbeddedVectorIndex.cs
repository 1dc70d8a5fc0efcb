using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Vigil.Retrieval.Index;

/// <summary>
/// The default index: chunks and vectors persisted in SQLite under the data folder (<c>index.db</c>). Every write
/// is one transaction, so a crash leaves either the whole batch or none of it. Vector search scans an in-memory copy of
/// the vectors with SIMD (loaded on the first search, then kept in step by every write), scoring only chunks the scope
/// can see; the copy holds bytes, so the best candidates are then scored exactly against their stored floats.
/// Keyword search is SQLite FTS5 over the same chunks. Both apply the scope inside the query.
/// </summary>
public sealed class EmbeddedVectorIndex : IVectorIndex, IKeywordIndex, IModelBoundIndex, IDisposable
{
    private const string ChunkColumns = "c.id, c.item_id, c.workspace, c.channel, c.private, c.thread, c.message, c.source, c.text, c.vector";

    private readonly string connectionString;
    private readonly string databasePath;
    private readonly EmbeddingModel? configured;
    private readonly Lazy<bool> created;

    // One writer at a time, so the database and the in-memory copy see writes in the same order.
    private readonly SemaphoreSlim writes = new(1, 1);
    private string? storedModel;
    private int? storedDimensions;
    private volatile bool loaded;
    private VectorTable? vectors;

    /// <param name="model">The model the vectors come from; an index built with another is refused on open. Null: only
    /// the dimension of the first vector written is enforced.</param>
    // Nothing touches the disk until first use: the host validates Vigil:DataDir first and says what is wrong with it.
    public EmbeddedVectorIndex(string databasePath, EmbeddingModel? model = null)
    {
        this.databasePath = databasePath;
        configured = model;
        connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true }.ToString();
        created = new Lazy<bool>(Create);
    }

    private bool Create()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        using var connection = Connect();
        EmbeddedIndexSchema.Create(connection);
        if (EmbeddedIndexSchema.ReadModel(connection) is var (model, dimensions))
        {
            storedModel = model;
            storedDimensions = dimensions;
            if (configured is not null)
            {
                Check(configured);
                if (model is null)
                {
                    // Written before the model was recorded, with vectors of the right size: adopt the current model.
                    EmbeddedIndexSchema.WriteModel(connection, null, configured.Id, dimensions);
                    storedModel = configured.Id;
                }
            }
        }

        return true;
    }

    public Task EnsureCompatibleAsync(EmbeddingModel model, CancellationToken cancellationToken)
    {
        _ = created.Value;
        Check(model);
        return Task.CompletedTask;
    }

    private void Check(EmbeddingModel model)
    {
        if (storedDimensions is { } dimensions && (dimensions != model.Dimensions || (storedModel is not null && storedModel != model.Id)))
        {
            throw IndexModelMismatchException.Between(databasePath, Describe(), model);
        }
    }

    private string Describe() => storedModel is null ? $"of unknown name ({storedDimensions} dimensions)" : $"'{storedModel}' ({storedDimensions} dimensions)";

    public async Task UpsertAsync(IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        if (chunks.Count == 0)
        {
            return;
        }

        await writes.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open();
            var dimensions = storedDimensions ?? configured?.Dimensions ?? chunks[0].Vector.Length;
            if (chunks.FirstOrDefault(c => c.Vector.Length != dimensions) is { } misfit)
            {
                var expected = storedDimensions is null ? configured?.ToString() ?? $"{dimensions} dimensions" : Describe();
                throw new IndexModelMismatchException(
                    $"Chunk {misfit.Id} has a vector of {misfit.Vector.Length} dimensions, but the index at {databasePath} holds vectors "
                    + $"of the embedding model {expected}. {IndexModelMismatchException.Remedy}");
            }

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO chunks (id, item_id, workspace, channel, private, thread, message, source, text, vector)
                VALUES ($id, $item, $workspace, $channel, $private, $thread, $message, $source, $text, $vector)
                ON CONFLICT(id) DO UPDATE SET text = excluded.text, vector = excluded.vector, source = excluded.source, writes = writes + 1
                """;
            foreach (var chunk in chunks)
            {
                command.Parameters.Clear();
                command.Parameters.AddWithValue("$id", chunk.Id);
                command.Parameters.AddWithValue("$item", chunk.ItemId);
                command.Parameters.AddWithValue("$workspace", chunk.Scope.Workspace);
                command.Parameters.AddWithValue("$channel", chunk.Scope.Channel);
                command.Parameters.AddWithValue("$private", chunk.Scope.PrivateChannel ? 1 : 0);
                command.Parameters.AddWithValue("$thread", (object?)chunk.Scope.Thread ?? DBNull.Value);
                command.Parameters.AddWithValue("$message", (object?)chunk.Scope.Message ?? DBNull.Value);
                command.Parameters.AddWithValue("$source", chunk.Source);
                command.Parameters.AddWithValue("$text", chunk.Text);
                command.Parameters.AddWithValue("$vector", MemoryMarshal.AsBytes(chunk.Vector.Span).ToArray());
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            if (storedDimensions is null)
            {
                EmbeddedIndexSchema.WriteModel(connection, transaction, configured?.Id, dimensions);
            }

            await transaction.CommitAsync(cancellationToken);
            if (storedDimensions is null)
            {
                storedDimensions = dimensions;
                storedModel = configured?.Id;
            }

            if (loaded)
            {
                vectors ??= new VectorTable(dimensions);
                vectors.Upsert(chunks.Select(c => (c.Id, c.Scope, c.Vector)));
            }
        }
        finally
        {
            writes.Release();
        }
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM chunks";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyDictionary<string, int>> ChunksPerItemAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT item_id, COUNT(*) FROM chunks GROUP BY item_id";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return counts;
    }

    public async Task DeleteItemAsync(string itemId, CancellationToken cancellationToken)
    {
        await writes.WaitAsync(cancellationToken);
        try
        {
            await using var connection = Open();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM chunks WHERE item_id = $item RETURNING id";
            command.Parameters.AddWithValue("$item", itemId);
            var deleted = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    deleted.Add(reader.GetString(0));
                }
            }

            vectors?.Remove(deleted);
        }
        finally
        {
            writes.Release();
        }
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(ReadOnlyMemory<float> query, SearchScope scope, int top, CancellationToken cancellationToken)
    {
        var table = await VectorsAsync(cancellationToken);
        if (table is null || top <= 0)
        {
            return [];
        }

        if (query.Length != table.Dimensions)
        {
            throw new IndexModelMismatchException(
                $"The question's vector has {query.Length} dimensions, but the index at {databasePath} holds vectors of the embedding model "
                + $"{Describe()}. {IndexModelMismatchException.Remedy}");
        }

        // The byte-sized copy picks candidates among the chunks the scope can see; their stored float vectors then
        // decide the order and the score. The margin covers the copy's rounding (±0.01 in cosine).
        var candidates = table.Search(query.Span, scope, top + CandidateMargin(top));
        var chunks = await ChunksAsync(candidates.Select(b => b.Id).ToList(), cancellationToken);
        var normalized = new float[query.Length];
        TensorPrimitives.Divide(query.Span, Math.Max(TensorPrimitives.Norm(query.Span), 1e-12f), normalized);

        // A chunk deleted between the scan and the read is left out rather than returned stale.
        return chunks.Values
            .Select(c => new SearchHit(c, TensorPrimitives.Dot(normalized, c.Vector.Span) / Math.Max(TensorPrimitives.Norm(c.Vector.Span), 1e-12f)))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Chunk.Id, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    private static int CandidateMargin(int top) => Math.Max(top, 10);

    /// <inheritdoc />
    async Task<IReadOnlyList<SearchHit>> IKeywordIndex.SearchAsync(string query, SearchScope scope, int top, CancellationToken cancellationToken) =>
        await KeywordSearchAsync(query, scope, top, cancellationToken);

    /// <summary>BM25 over the chunk text, the scope in the same WHERE clause as the match; see <see cref="IKeywordIndex"/>.</summary>
    public async Task<IReadOnlyList<SearchHit>> KeywordSearchAsync(string query, SearchScope scope, int top, CancellationToken cancellationToken)
    {
        if (FtsQuery.From(query) is not { } match || top <= 0)
        {
            return [];
        }

        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {ChunkColumns}, bm25(chunks_fts) AS rank
            FROM chunks_fts JOIN chunks c ON c.rowid = chunks_fts.rowid
            WHERE chunks_fts MATCH $match
              AND c.workspace = $workspace
              AND (c.private = 0 OR c.channel = $channel)
              AND ($thread IS NULL OR (c.channel = $channel AND c.thread = $thread))
            ORDER BY rank
            LIMIT $top
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$workspace", scope.Workspace);
        command.Parameters.AddWithValue("$channel", scope.Channel);
        command.Parameters.AddWithValue("$thread", (object?)scope.Thread ?? DBNull.Value);
        command.Parameters.AddWithValue("$top", top);
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // bm25() is lower for better matches; flip it so that, as everywhere, higher is closer.
            hits.Add(new SearchHit(ReadChunk(reader), -reader.GetDouble(10)));
        }

        return hits;
    }

    private async Task<VectorTable?> VectorsAsync(CancellationToken cancellationToken)
    {
        if (loaded)
        {
            return vectors;
        }

        await writes.WaitAsync(cancellationToken);
        try
        {
            if (!loaded)
            {
                vectors = await LoadAsync(cancellationToken);
                loaded = true;
            }

            return vectors;
        }
        finally
        {
            writes.Release();
        }
    }

    private async Task<VectorTable?> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = Open();
        if (storedDimensions is not { } dimensions)
        {
            return null;
        }

        var table = new VectorTable(dimensions);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, workspace, channel, private, thread, vector FROM chunks";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var batch = new List<(string, ChunkScope, ReadOnlyMemory<float>)>(1024);
        while (await reader.ReadAsync(cancellationToken))
        {
            var scope = new ChunkScope(reader.GetString(1), reader.GetString(2), reader.IsDBNull(4) ? null : reader.GetString(4), PrivateChannel: reader.GetInt64(3) != 0);
            batch.Add((reader.GetString(0), scope, Vector(reader, 5)));
            if (batch.Count == 1024)
            {
                table.Upsert(batch);
                batch.Clear();
            }
        }

        table.Upsert(batch);
        return table;
    }

    private async Task<Dictionary<string, IndexedChunk>> ChunksAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var chunks = new Dictionary<string, IndexedChunk>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return chunks;
        }

        await using var connection = Open();
        await using var command = connection.CreateCommand();
        var names = ids.Select((id, i) => $"$id{i}").ToList();
        command.CommandText = $"SELECT {ChunkColumns} FROM chunks c WHERE c.id IN ({string.Join(", ", names)})";
        for (var i = 0; i < ids.Count; i++)
        {
            command.Parameters.AddWithValue(names[i], ids[i]);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var chunk = ReadChunk(reader);
            chunks[chunk.Id] = chunk;
        }

        return chunks;
    }

    private static IndexedChunk ReadChunk(SqliteDataReader reader)
    {
        string? Nullable(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
        var scope = new ChunkScope(reader.GetString(2), reader.GetString(3), Nullable(5), Nullable(6), reader.GetInt64(4) != 0);
        return new IndexedChunk(reader.GetString(0), reader.GetString(1), scope, reader.GetString(7), reader.GetString(8), Vector(reader, 9));
    }

    private static float[] Vector(SqliteDataReader reader, int column) =>
        MemoryMarshal.Cast<byte, float>((byte[])reader.GetValue(column)).ToArray();

    private SqliteConnection Open()
    {
        _ = created.Value;
        return Connect();
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // WAL with NORMAL sync survives a killed process (the commit is in the WAL); it skips the fsync per commit that
        // FULL makes, which cost ~30 ms per indexed item here. The pipeline re-indexes whatever a power loss drops.
        EmbeddedIndexSchema.Execute(connection, "PRAGMA synchronous = NORMAL;");
        return connection;
    }

    public void Dispose() => writes.Dispose();
}
