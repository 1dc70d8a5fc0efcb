using System.Numerics.Tensors;

namespace Vigil.Retrieval.Index;

/// <summary>
/// The in-memory copy of the embedded index's vectors: L2-normalised rows quantized to bytes (<see cref="Int8Vectors"/>)
/// in fixed-size blocks (no large copies as it grows), each with the id of its chunk's scope. A search first decides
/// which of the few distinct scopes the asker can see, then only scores rows of visible scopes — text from a channel
/// the asker cannot see is never scored. It picks candidates; the index then scores them exactly against their stored
/// float vectors. Many searches run at once; a write waits for them and briefly excludes them.
/// </summary>
internal sealed class VectorTable
{
    private const int BlockRows = 4096;

    // Below this many rows one core scans faster than two can be started.
    private const int ParallelRows = 16_384;

    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly List<sbyte[]> blocks = [];
    private readonly Dictionary<string, int> rowOf = new(StringComparer.Ordinal);
    private readonly Dictionary<ChunkScope, int> scopeIds = [];
    private readonly List<ChunkScope> scopes = [];
    private string[] ids = new string[BlockRows];
    private int[] scopeOfRow = new int[BlockRows];
    private float[] scaleOfRow = new float[BlockRows];
    private int count;

    public VectorTable(int dimensions) => Dimensions = dimensions;

    public int Dimensions { get; }

    /// <summary>Adds rows, or replaces the vectors of rows with the same chunk id.</summary>
    public void Upsert(IEnumerable<(string Id, ChunkScope Scope, ReadOnlyMemory<float> Vector)> rows)
    {
        var normalized = new float[Dimensions];
        gate.EnterWriteLock();
        try
        {
            foreach (var (id, scope, vector) in rows)
            {
                if (!rowOf.TryGetValue(id, out var row))
                {
                    row = count++;
                    EnsureCapacity(count);
                    rowOf[id] = row;
                    ids[row] = id;

                    // Like the database's upsert, a chunk id keeps the scope it was first written with.
                    scopeOfRow[row] = ScopeId(scope);
                }

                Normalize(vector.Span, normalized);
                scaleOfRow[row] = Int8Vectors.Quantize(normalized, Row(row));
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Removes rows by chunk id; the last row moves into the hole, so rows stay contiguous.</summary>
    public void Remove(IEnumerable<string> chunkIds)
    {
        gate.EnterWriteLock();
        try
        {
            foreach (var id in chunkIds)
            {
                if (!rowOf.Remove(id, out var row))
                {
                    continue;
                }

                var last = --count;
                if (row != last)
                {
                    Row(last).CopyTo(Row(row));
                    ids[row] = ids[last];
                    scopeOfRow[row] = scopeOfRow[last];
                    scaleOfRow[row] = scaleOfRow[last];
                    rowOf[ids[row]] = row;
                }

                ids[last] = null!;
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>The ids and approximate cosine similarities (±0.01) of the <paramref name="top"/> closest visible rows, best first.</summary>
    public IReadOnlyList<(string Id, float Score)> Search(ReadOnlySpan<float> query, SearchScope scope, int top)
    {
        if (top <= 0)
        {
            return [];
        }

        var normalized = new float[Dimensions];
        Normalize(query, normalized);
        var quantized = new sbyte[Dimensions];
        var queryScale = Int8Vectors.Quantize(normalized, quantized);
        gate.EnterReadLock();
        try
        {
            var visible = new bool[scopes.Count];
            var any = false;
            for (var s = 0; s < scopes.Count; s++)
            {
                visible[s] = scope.CanSee(scopes[s]);
                any |= visible[s];
            }

            if (!any)
            {
                return [];
            }

            TopK best;
            if (count < ParallelRows)
            {
                best = Scan(quantized, queryScale, visible, 0, count, top);
            }
            else
            {
                var middle = count / 2 / BlockRows * BlockRows;
                var halves = new TopK[2];
                Parallel.Invoke(
                    () => halves[0] = Scan(quantized, queryScale, visible, 0, middle, top),
                    () => halves[1] = Scan(quantized, queryScale, visible, middle, count, top));
                best = halves[0];
                best.Merge(halves[1]);
            }

            return best.Descending().Select(h => (ids[h.Row], h.Score)).ToList();
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private TopK Scan(sbyte[] query, float queryScale, bool[] visible, int from, int to, int top)
    {
        var best = new TopK(top);
        var dimensions = Dimensions;
        var scopeOf = scopeOfRow;
        var scaleOf = scaleOfRow;
        for (var row = from; row < to;)
        {
            var block = blocks[row / BlockRows];
            var end = Math.Min(to, (row / BlockRows + 1) * BlockRows);
            for (var offset = (row % BlockRows) * dimensions; row < end; row++, offset += dimensions)
            {
                if (visible[scopeOf[row]])
                {
                    best.Offer(row, Int8Vectors.Dot(query, new ReadOnlySpan<sbyte>(block, offset, dimensions)) * scaleOf[row] * queryScale);
                }
            }
        }

        return best;
    }

    private int ScopeId(ChunkScope scope)
    {
        // Visibility never depends on the message, so a thread's messages share one scope id.
        var key = scope with { Message = null };
        if (!scopeIds.TryGetValue(key, out var id))
        {
            id = scopes.Count;
            scopes.Add(key);
            scopeIds[key] = id;
        }

        return id;
    }

    private Span<sbyte> Row(int row) => blocks[row / BlockRows].AsSpan((row % BlockRows) * Dimensions, Dimensions);

    private void EnsureCapacity(int rows)
    {
        while (blocks.Count * BlockRows < rows)
        {
            blocks.Add(new sbyte[BlockRows * Dimensions]);
        }

        if (ids.Length < rows)
        {
            var size = Math.Max(rows, ids.Length * 2);
            Array.Resize(ref ids, size);
            Array.Resize(ref scopeOfRow, size);
            Array.Resize(ref scaleOfRow, size);
        }
    }

    private void Normalize(ReadOnlySpan<float> vector, Span<float> target)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"a vector of {vector.Length} dimensions does not fit an index of {Dimensions}", nameof(vector));
        }

        var norm = TensorPrimitives.Norm(vector);
        TensorPrimitives.Divide(vector, Math.Max(norm, 1e-12f), target);
    }
}
