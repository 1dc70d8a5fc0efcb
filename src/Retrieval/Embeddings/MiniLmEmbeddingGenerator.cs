using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Vigil.Retrieval.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 run locally with ONNX Runtime: WordPiece ids, one padded batch per call, mean pooling over the
/// attention mask and L2 normalisation — the sentence-transformers recipe, so cosine similarity is a dot product.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly InferenceSession session;
    private readonly EmbeddingGeneratorMetadata metadata = new("onnxruntime", defaultModelId: MiniLmResources.ModelId, defaultModelDimensions: MiniLmResources.Dimensions);

    public MiniLmEmbeddingGenerator()
    {
        // One thread per call: the ingestion lanes already run embeddings side by side, and ONNX Runtime's own thread
        // pool fighting them cost ~10% of throughput on 2 cores (bench/IngestBench).
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

        cancellationToken.ThrowIfCancellationRequested();
        var vectors = Embed(texts);
        var now = DateTimeOffset.UtcNow;
        result.AddRange(vectors.Select(v => new Embedding<float>(v) { ModelId = MiniLmResources.ModelId, CreatedAt = now }));
        return Task.FromResult(result);
    }

    private float[][] Embed(IReadOnlyList<string> texts)
    {
        var ids = texts.Select(t => Truncate(WordPieces.Tokenizer.EncodeToIds(t, addSpecialTokens: true, considerPreTokenization: true, considerNormalization: true))).ToList();
        var length = ids.Max(i => i.Count);
        var shape = new[] { texts.Count, length };
        var inputIds = new DenseTensor<long>(shape);
        var mask = new DenseTensor<long>(shape);
        var types = new DenseTensor<long>(shape);
        for (var row = 0; row < ids.Count; row++)
        {
            for (var col = 0; col < ids[row].Count; col++)
            {
                inputIds[row, col] = ids[row][col];
                mask[row, col] = 1;
            }
        }

        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", inputIds),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", types),
        };
        using var outputs = session.Run(inputs);
        var hidden = outputs[0].AsTensor<float>();
        return Enumerable.Range(0, texts.Count).Select(row => MeanPoolNormalized(hidden, row, ids[row].Count)).ToArray();
    }

    // The model's position embeddings stop at 256 pieces; keep [CLS] ... and close with [SEP].
    private static IReadOnlyList<int> Truncate(IReadOnlyList<int> ids) =>
        ids.Count <= MiniLmResources.MaxWordPieces ? ids : [.. ids.Take(MiniLmResources.MaxWordPieces - 1), ids[^1]];

    private static float[] MeanPoolNormalized(Tensor<float> hidden, int row, int tokens)
    {
        var dimensions = hidden.Dimensions[2];
        var vector = new float[dimensions];
        for (var t = 0; t < tokens; t++)
        {
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] += hidden[row, t, d];
            }
        }

        var norm = MathF.Sqrt(vector.Sum(v => (v / tokens) * (v / tokens)));
        for (var d = 0; d < dimensions; d++)
        {
            vector[d] = vector[d] / tokens / Math.Max(norm, 1e-12f);
        }

        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => session.Dispose();
}
