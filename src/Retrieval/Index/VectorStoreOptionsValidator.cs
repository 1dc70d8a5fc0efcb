using Microsoft.Extensions.Options;

namespace Vigil.Retrieval.Index;

/// <summary>Checks <c>VectorStore</c> (and <c>Qdrant</c> when chosen) at start, naming the key that is wrong.</summary>
public sealed class VectorStoreOptionsValidator : IValidateOptions<VectorStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, VectorStoreOptions options)
    {
        if (!options.IsEmbedded && !options.IsQdrant)
        {
            return ValidateOptionsResult.Fail(
                $"VectorStore:Type must be '{VectorStoreOptions.EmbeddedType}' or '{VectorStoreOptions.QdrantType}'; it is '{options.Type}'.");
        }

        if (options.IsEmbedded)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = options.Qdrant.Problems().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
