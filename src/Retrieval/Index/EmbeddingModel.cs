using Microsoft.Extensions.AI;

namespace Vigil.Retrieval.Index;

/// <summary>The embedding model an index's vectors were made with; vectors of two models cannot be compared.</summary>
public sealed record EmbeddingModel(string Id, int Dimensions)
{
    /// <summary>The generator's model, or null when it does not say both its id and its dimensions.</summary>
    public static EmbeddingModel? Of(IEmbeddingGenerator<string, Embedding<float>> generator) =>
        generator.GetService<EmbeddingGeneratorMetadata>() is { DefaultModelId: { } id, DefaultModelDimensions: { } dimensions }
            ? new EmbeddingModel(id, dimensions)
            : null;

    public override string ToString() => $"'{Id}' ({Dimensions} dimensions)";
}
