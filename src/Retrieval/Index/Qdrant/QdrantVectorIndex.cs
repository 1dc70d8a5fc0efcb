using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Vigil.Retrieval.Index.Qdrant;

/// <summary>
/// The scale-out index: chunks as points of one Qdrant collection (gRPC). The collection is created on the first write
/// with the vectors' size and cosine distance, plus payload indexes on the scope fields; searches carry the scope as a
/// Qdrant filter (<see cref="QdrantScopeFilter"/>), so the server never returns text the asker may not see.
/// </summary>
public sealed partial class QdrantVectorIndex : IVectorIndex, IModelBoundIndex, IRebuildableIndex, IDisposable
{
    /// <summary>Points per upsert call: large enough to amortise the round trip, small enough for gRPC's 4 MB default message.</summary>
    public const int UpsertBatchSize = 256;

    private const uint ScrollPageSize = 1024;

    private readonly QdrantClient client;
    private readonly QdrantOptions options;
    private EmbeddingModel? model;
    private readonly ILogger logger;
    private readonly SemaphoreSlim collectionLock = new(1, 1);

    // The collection's vector size once it is known to exist; 0 until then (it is created by the first write).
    private long knownDimensions;

    private ulong? Dimensions
    {
        get => Volatile.Read(ref knownDimensions) is > 0 and var d ? (ulong)d : null;
        set => Volatile.Write(ref knownDimensions, (long)(value ?? 0));
    }

    /// <param name="model">The model the vectors come from, recorded with each point so a collection written by another
    /// model is refused (<see cref="EnsureCompatibleAsync"/>). Null: the model checked at start is recorded from then on;
    /// until then only the collection's vector size is enforced.</param>
    public QdrantVectorIndex(QdrantOptions options, EmbeddingModel? model = null, ILogger<QdrantVectorIndex>? logger = null)
    {
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        this.options = options;
        this.model = model;
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
        // No connection is made here: the gRPC channel connects on the first call.
        client = new QdrantClient(new Uri(options.Url!), options.ApiKey, options.Timeout);
    }

    public string Collection => options.Collection;

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        if (await CallAsync(() => client.CollectionExistsAsync(options.Collection, cancellationToken)))
        {
            await CallAsync(() => client.DeleteCollectionAsync(options.Collection, cancellationToken: cancellationToken));
        }

        Dimensions = null;
    }

    public async Task UpsertAsync(IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
    {
        if (chunks.Count == 0)
        {
            return;
        }

        var size = chunks[0].Vector.Length;
        if (size == 0 || chunks.Any(c => c.Vector.Length != size))
        {
            throw new ArgumentException($"Every chunk of one write needs a vector of the same, non-zero length (the first has {size}).", nameof(chunks));
        }

        await CallAsync(async () =>
        {
            await EnsureCollectionAsync((ulong)size, cancellationToken);
            foreach (var batch in chunks.Chunk(UpsertBatchSize))
            {
                // wait: true — the write is applied when the call returns, so a count or search right after sees it.
                await client.UpsertAsync(options.Collection, batch.Select(c => QdrantPayload.ToPoint(c, model?.Id)).ToList(), wait: true, cancellationToken: cancellationToken);
            }
        });
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        CallAsync(async () =>
            await ExistsAsync(cancellationToken) ? (long)await client.CountAsync(options.Collection, exact: true, cancellationToken: cancellationToken) : 0L);

    public Task<IReadOnlyDictionary<string, int>> ChunksPerItemAsync(CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyDictionary<string, int>>(async () =>
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            if (!await ExistsAsync(cancellationToken))
            {
                return counts;
            }

            PointId? offset = null;
            do
            {
                var page = await client.ScrollAsync(
                    options.Collection,
                    limit: ScrollPageSize,
                    offset: offset,
                    payloadSelector: new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { QdrantPayload.ItemId } } },
                    vectorsSelector: false,
                    cancellationToken: cancellationToken);
                foreach (var point in page.Result)
                {
                    if (point.Payload.TryGetValue(QdrantPayload.ItemId, out var item) && item.KindCase == Value.KindOneofCase.StringValue)
                    {
                        counts[item.StringValue] = counts.GetValueOrDefault(item.StringValue) + 1;
                    }
                }

                offset = page.NextPageOffset;
            }
            while (offset is not null);

            return counts;
        });

    public Task DeleteItemAsync(string itemId, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            if (await ExistsAsync(cancellationToken))
            {
                await client.DeleteAsync(options.Collection, (Filter)MatchKeyword(QdrantPayload.ItemId, itemId), wait: true, cancellationToken: cancellationToken);
            }
        });

    public Task<IReadOnlyList<SearchHit>> SearchAsync(ReadOnlyMemory<float> query, SearchScope scope, int top, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<SearchHit>>(async () =>
        {
            if (top <= 0 || !await ExistsAsync(cancellationToken))
            {
                return [];
            }

            if ((ulong)query.Length != Dimensions)
            {
                throw DimensionMismatch((ulong)query.Length, Dimensions!.Value);
            }

            var points = await client.QueryAsync(
                options.Collection,
                query: query.ToArray(),
                filter: QdrantScopeFilter.For(scope),
                limit: (ulong)top,
                payloadSelector: true,
                vectorsSelector: true,
                cancellationToken: cancellationToken);
            return points
                .Select(p => new SearchHit(QdrantPayload.ToChunk(p.Payload, p.Vectors?.Vector?.GetDenseVector()?.Data.ToArray() ?? []), p.Score))
                .ToList();
        });

    public Task EnsureCompatibleAsync(EmbeddingModel model, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            this.model ??= model;
            if (!await ExistsAsync(cancellationToken))
            {
                return;
            }

            var stored = Dimensions!.Value;
            // Any one point tells the model: every write records it, and a model change means `vigil reindex` rewrites all.
            var sample = await client.ScrollAsync(
                options.Collection,
                limit: 1,
                payloadSelector: new WithPayloadSelector { Include = new PayloadIncludeSelector { Fields = { QdrantPayload.Model } } },
                vectorsSelector: false,
                cancellationToken: cancellationToken);
            var storedModel = sample.Result.Count == 0 ? null : QdrantPayload.ModelOf(sample.Result[0].Payload);
            if (stored != (ulong)model.Dimensions || (storedModel is not null && storedModel != model.Id))
            {
                throw IndexModelMismatchException.Between(Location, storedModel is null ? $"of unknown name ({stored} dimensions)" : $"'{storedModel}' ({stored} dimensions)", model);
            }
        });

    public void Dispose()
    {
        client.Dispose();
        collectionLock.Dispose();
    }

    private async Task<bool> ExistsAsync(CancellationToken cancellationToken)
    {
        if (Dimensions is not null)
        {
            return true;
        }

        await collectionLock.WaitAsync(cancellationToken);
        try
        {
            return await ReadDimensionsAsync(cancellationToken) is not null;
        }
        finally
        {
            collectionLock.Release();
        }
    }

    private async Task EnsureCollectionAsync(ulong size, CancellationToken cancellationToken)
    {
        if (Dimensions is null)
        {
            await collectionLock.WaitAsync(cancellationToken);
            try
            {
                if (await ReadDimensionsAsync(cancellationToken) is null)
                {
                    await CreateCollectionAsync(size, cancellationToken);
                }
            }
            finally
            {
                collectionLock.Release();
            }
        }

        if (Dimensions is { } stored && stored != size)
        {
            throw DimensionMismatch(size, stored);
        }
    }

    // Called under collectionLock.
    private async Task<ulong?> ReadDimensionsAsync(CancellationToken cancellationToken)
    {
        if (Dimensions is { } known)
        {
            return known;
        }

        if (!await client.CollectionExistsAsync(options.Collection, cancellationToken))
        {
            return null;
        }

        var info = await client.GetCollectionInfoAsync(options.Collection, cancellationToken);
        var vectors = info.Config?.Params?.VectorsConfig;
        if (vectors?.ConfigCase != VectorsConfig.ConfigOneofCase.Params)
        {
            throw new QdrantIndexException(
                $"Qdrant collection '{options.Collection}' (Qdrant:Collection) has named vectors; Vigil writes one unnamed vector per point. Choose another collection or delete this one.");
        }

        if (vectors.Params.Distance != Distance.Cosine)
        {
            throw new QdrantIndexException(
                $"Qdrant collection '{options.Collection}' (Qdrant:Collection) uses {vectors.Params.Distance} distance; Vigil needs Cosine. Choose another collection or delete this one and run `vigil reindex`.");
        }

        return Dimensions = vectors.Params.Size;
    }

    // Called under collectionLock.
    private async Task CreateCollectionAsync(ulong size, CancellationToken cancellationToken)
    {
        try
        {
            await client.CreateCollectionAsync(options.Collection, new VectorParams { Size = size, Distance = Distance.Cosine }, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled))
        {
            // Another Vigil process may have created it first (Qdrant answers "already exists" as a bad request); if so,
            // use it and check its size, otherwise report the failure.
            if (await ReadDimensionsAsync(cancellationToken) is not null)
            {
                return;
            }

            throw;
        }

        foreach (var field in QdrantPayload.KeywordFields)
        {
            await client.CreatePayloadIndexAsync(options.Collection, field, PayloadSchemaType.Keyword, cancellationToken: cancellationToken);
        }

        await client.CreatePayloadIndexAsync(options.Collection, QdrantPayload.Private, PayloadSchemaType.Bool, cancellationToken: cancellationToken);
        Dimensions = size;
        LogCreated(logger, options.Collection, size);
    }

    private string Location => $"Qdrant collection '{options.Collection}' (Qdrant:Collection) at {options.Url}";

    private IndexModelMismatchException DimensionMismatch(ulong given, ulong stored) =>
        new($"The index in {Location} holds {stored}-dimension vectors but these have {given}: it was built with another embedding model. {IndexModelMismatchException.Remedy}");

    private async Task CallAsync(Func<Task> call) => await CallAsync(async () => { await call(); return true; });

    // gRPC failures become one named exception whose message says which setting to check (and never the API key).
    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            throw new QdrantIndexException(Explain(e), e);
        }
    }

    private string Explain(RpcException e) => e.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.DeadlineExceeded =>
            $"Qdrant at {options.Url} (Qdrant:Url) could not be reached ({e.StatusCode}: {e.Status.Detail}). Check that the server runs and that Qdrant:Url names its gRPC port (6334 by default; 6333 is REST).",
        StatusCode.Unauthenticated or StatusCode.PermissionDenied =>
            $"Qdrant at {options.Url} refused the API key ({e.StatusCode}). Check Qdrant:ApiKey.",
        _ => $"Qdrant at {options.Url}, collection '{options.Collection}', failed: {e.StatusCode}: {e.Status.Detail}",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Created Qdrant collection {Collection} for {Dimensions}-dimension vectors (cosine) with payload indexes on the scope fields")]
    private static partial void LogCreated(ILogger logger, string collection, ulong dimensions);
}
