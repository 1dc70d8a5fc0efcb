namespace Vigil.Retrieval.Index.Qdrant;

/// <summary>The <c>Qdrant</c> configuration section, used when <c>VectorStore:Type</c> is <c>Qdrant</c>.</summary>
public sealed class QdrantOptions
{
    public const string Section = "Qdrant";

    public const string DefaultCollection = "vigil-chunks";

    /// <summary><c>Qdrant:Url</c>: the gRPC endpoint, e.g. <c>http://localhost:6334</c> (6333 is the REST port).</summary>
    public string? Url { get; set; }

    /// <summary><c>Qdrant:ApiKey</c>: optional; sent as the <c>api-key</c> header and never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary><c>Qdrant:Collection</c>: where the chunks live.</summary>
    public string Collection { get; set; } = DefaultCollection;

    /// <summary><c>Qdrant:Timeout</c>: the deadline of each call, so an unreachable server fails instead of hanging.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What is wrong with these settings, each naming its configuration key; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Url))
        {
            yield return "Qdrant:Url is required when VectorStore:Type is Qdrant, e.g. http://localhost:6334 (Qdrant's gRPC port).";
        }
        else if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"Qdrant:Url must be an absolute http:// or https:// address such as http://localhost:6334; it is '{Url}'.";
        }

        if (string.IsNullOrWhiteSpace(Collection) || Collection.Any(c => char.IsWhiteSpace(c) || c is '/' or '\\' or ':' or '?' or '*' or '#'))
        {
            yield return $"Qdrant:Collection must be a non-empty name without spaces or / \\ : ? * #; it is '{Collection}'.";
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return $"Qdrant:Timeout must be positive, e.g. 00:00:30; it is '{Timeout}'.";
        }
    }

    // Options objects end up in logs and exception messages; the key must not.
    public override string ToString() => $"Qdrant at {Url}, collection '{Collection}'{(ApiKey is { Length: > 0 } ? ", with an API key" : "")}";
}
