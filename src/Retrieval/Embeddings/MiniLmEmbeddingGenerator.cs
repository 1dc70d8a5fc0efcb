using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using System.Numerics.Tensors;

namespace Vigil.Retrieval.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 run locally with ONNX Runtime: WordPiece ids, one padded batch per call, mean pooling over the
/// attention mask and L2 normalisation — the sentence-transformers recipe, so cosine similarity is a dot product.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int BatchSize = 32;

    private readonly InferenceSession session;
    private readonly EmbeddingGeneratorMetadata metadata = new("onnxruntime", defaultModelId: MiniLmResources.ModelId, defaultModelDimensions: MiniLmResources.Dimensions);

    public MiniLmEmbeddingGenerator()
    {
        // One thread per inference: parallelism comes from running batches (and ingestion lanes) side by side, which
        // beat ONNX Runtime's own thread pool on 2 cores (bench/EmbedBench, bench/IngestBench).
        var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = 1 };
        session = new InferenceSession(MiniLmResources.ModelBytes(), options);
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        if (texts.Count == 0)
        {
            return Task.FromResult(result);
        }

        // Batches of 32 run side by side, one core each: padding stays small and both cores work.
        var batches = texts.Chunk(BatchSize).ToList();
        var embedded = new float[batches.Count][][];
        Parallel.For(0, batches.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => embedded[i] = Embed(batches[i]));
        var vectors = embedded.SelectMany(v => v);
        var now = DateTimeOffset.UtcNow;
        result.AddRange(vectors.Select(v => new Embedding<float>(v) { ModelId = MiniLmResources.ModelId, CreatedAt = now }));
        return Task.FromResult(result);
    }

    private float[][] Embed(IReadOnlyList<string> texts)
    {
        var ids = texts.Select(t => Truncate(WordPieces.Tokenizer.EncodeToIds(t, addSpecialTokens: true, considerPreTokenization: true, considerNormalization: true))).ToList();
        var length = ids.Max(i => i.Count);
        var inputIds = new long[texts.Count * length];
        var mask = new long[texts.Count * length];
        for (var row = 0; row < ids.Count; row++)
        {
            for (var col = 0; col < ids[row].Count; col++)
            {
                inputIds[(row * length) + col] = ids[row][col];
                mask[(row * length) + col] = 1;
            }
        }

        int[] shape = [texts.Count, length];
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(inputIds, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[inputIds.Length], shape)),
        };
        using var outputs = session.Run(inputs);
        // Flat [batch, tokens, dimensions] buffer: indexing the tensor element by element cost more than the model.
        var hidden = outputs[0].AsEnumerable<float>().ToArray();
        var dimensions = hidden.Length / (texts.Count * length);
        return Enumerable.Range(0, texts.Count)
            .Select(row => MeanPoolNormalized(hidden.AsSpan(row * length * dimensions, ids[row].Count * dimensions), dimensions))
            .ToArray();
    }

    // The model's position embeddings stop at 256 pieces; keep [CLS] ... and close with [SEP].
    private static IReadOnlyList<int> Truncate(IReadOnlyList<int> ids) =>
        ids.Count <= MiniLmResources.MaxWordPieces ? ids : [.. ids.Take(MiniLmResources.MaxWordPieces - 1), ids[^1]];

    // Mean over the sentence's own tokens (padding excluded), then unit length, so cosine similarity is a dot product.
    private static float[] MeanPoolNormalized(ReadOnlySpan<float> tokens, int dimensions)
    {
        var vector = new float[dimensions];
        for (var offset = 0; offset < tokens.Length; offset += dimensions)
        {
            TensorPrimitives.Add(vector, tokens.Slice(offset, dimensions), vector);
        }

        TensorPrimitives.Divide(vector, MathF.Max(TensorPrimitives.Norm(vector), 1e-12f), vector);
        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => session.Dispose();
}
