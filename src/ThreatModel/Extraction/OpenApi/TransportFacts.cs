using Microsoft.OpenApi;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>
/// Whether the servers are reached over TLS: every non-local <c>http://</c> server is cleartext transport;
/// when all servers are <c>https://</c>, TLS is in place.
/// </summary>
internal sealed class TransportFacts : IOpenApiFactReader
{
    public IEnumerable<Fact> Read(OpenApiSpec spec)
    {
        var servers = Servers(spec)
            .Select(server => (Server: server, Uri: Resolve(server)))
            .Where(s => s.Uri is not null && !s.Uri.IsLoopback && !IsLocalName(s.Uri.Host))
            .ToList();

        var cleartext = servers.Where(s => s.Uri!.Scheme == Uri.UriSchemeHttp).ToList();
        foreach (var (server, _) in cleartext)
        {
            yield return spec.Fact(OpenApiFactKeys.CleartextTransport, FactKind.Practice, FactState.Present, Quote(spec, server), server.Url);
        }

        if (cleartext.Count > 0)
        {
            yield return spec.Fact(OpenApiFactKeys.Tls, FactKind.Control, FactState.Absent, Quote(spec, cleartext[0].Server));
        }
        else if (servers.Count > 0 && servers.All(s => s.Uri!.Scheme == Uri.UriSchemeHttps))
        {
            yield return spec.Fact(OpenApiFactKeys.Tls, FactKind.Control, FactState.Present, Quote(spec, servers[0].Server));
        }
    }

    private static IEnumerable<OpenApiServer> Servers(OpenApiSpec spec) =>
        (spec.Document.Servers ?? [])
            .Concat((spec.Document.Paths ?? new OpenApiPaths()).Values.SelectMany(item => item.Servers ?? []))
            .Concat(spec.Operations.SelectMany(op => op.Operation.Servers ?? []))
            .Where(server => !string.IsNullOrWhiteSpace(server.Url))
            .DistinctBy(server => server.Url, StringComparer.Ordinal);

    /// <summary>The server's absolute URL with its variables at their defaults; null when relative or unknowable.</summary>
    private static Uri? Resolve(OpenApiServer server)
    {
        var url = server.Url!;
        foreach (var (name, variable) in server.Variables ?? new Dictionary<string, OpenApiServerVariable>())
        {
            url = url.Replace($"{{{name}}}", variable.Default, StringComparison.Ordinal);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;
    }

    private static bool IsLocalName(string host) =>
        host is "localhost" or "0.0.0.0" || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    // Swagger 2.0 has no server URLs: they are built from host, basePath and schemes, so the URL is the closest quote.
    private static string Quote(OpenApiSpec spec, OpenApiServer server) =>
        spec.Version == OpenApiSpecVersion.OpenApi2_0 ? server.Url! : $"url: {server.Url}";
}
