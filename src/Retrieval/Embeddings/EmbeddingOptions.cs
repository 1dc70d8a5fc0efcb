namespace Vigil.Retrieval.Embeddings;

/// <summary>
/// The <c>Embeddings</c> section: <c>Local</c> (default: all-MiniLM-L6-v2 on this machine) or <c>OpenAI</c>, any
/// OpenAI-compatible <c>/embeddings</c> endpoint — OpenAI, Azure OpenAI's v1 endpoint, Ollama (<c>http://localhost:11434/v1</c>).
/// </summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Embeddings";
    public const string LocalProvider = "Local";
    public const string OpenAiProvider = "OpenAI";

    public string Provider { get; set; } = LocalProvider;

    /// <summary>Base URL of the API, e.g. <c>https://api.openai.com/v1</c>; the API key is sent to this host only.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public string? Model { get; set; }

    /// <summary>The model's vector size; recorded with the index so a change of model is detected.</summary>
    public int? Dimensions { get; set; }

    public bool IsOpenAi => string.Equals(Provider, OpenAiProvider, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Problems()
    {
        if (!IsOpenAi && !string.Equals(Provider, LocalProvider, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"Embeddings:Provider must be {LocalProvider} or {OpenAiProvider} (got '{Provider}').";
            yield break;
        }

        if (!IsOpenAi)
        {
            yield break;
        }

        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            yield return "Embeddings:Endpoint must be the http(s) base URL of an OpenAI-compatible API when Embeddings:Provider is OpenAI.";
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return "Embeddings:Model is required when Embeddings:Provider is OpenAI (e.g. text-embedding-3-small, nomic-embed-text).";
        }

        if (Dimensions is null or <= 0)
        {
            yield return "Embeddings:Dimensions (the model's vector size, e.g. 1536) is required when Embeddings:Provider is OpenAI.";
        }
    }
}
