using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Vigil.Retrieval.Embeddings;

/// <summary>Builds the embedding generator <see cref="EmbeddingOptions"/> names.</summary>
public static class EmbeddingGenerators
{
    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions options)
    {
        if (!options.IsOpenAi)
        {
            return new MiniLmEmbeddingGenerator();
        }

        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        // Ollama and other local servers take any key; the OpenAI client insists on one.
        var client = new OpenAIClient(new ApiKeyCredential(options.ApiKey is { Length: > 0 } key ? key : "none"), new OpenAIClientOptions { Endpoint = new Uri(options.Endpoint!) });
        return client.GetEmbeddingClient(options.Model).AsIEmbeddingGenerator(options.Dimensions);
    }
}
