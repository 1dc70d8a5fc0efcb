using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>
/// The name the API goes by in conversation: "Brightcart payments-svc" is the component "payments-svc" that chat
/// threads mention, so the spec merges with it; a title without such an identifier is used as written.
/// </summary>
internal static partial class ServiceName
{
    /// <param name="Title">The spec's title, when it has one, so the element can also be found by it.</param>
    public sealed record Result(string Name, string Quote, string? Title);

    public static Result Of(OpenApiDocument document, string sourceId)
    {
        var title = document.Info?.Title?.Trim();
        if (!string.IsNullOrEmpty(title))
        {
            var identifier = ComponentIdentifier().Matches(title)
                .Select(match => match.Value)
                .FirstOrDefault(value => value.Split('-', '_').All(part => part.Length >= 2));
            return new Result(identifier ?? title, $"title: {title}", title);
        }

        // Title is required by every OpenAPI version; without one, the host is the next best name.
        // ("/v1" is an absolute file URI on Unix, hence the scheme check.)
        var server = (document.Servers ?? [])
            .Select(s => (s.Url, Uri: Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null))
            .FirstOrDefault(s => s.Uri is not null);
        return server.Uri is not null
            ? new Result(server.Uri.Host, $"url: {server.Url}", null)
            : new Result(Path.GetFileNameWithoutExtension(sourceId), sourceId, null);
    }

    // A lowercase kebab- or snake-case word such as "payments-svc" or "mobile_bff", standing on its own in the title.
    [GeneratedRegex(@"(?<![\w-])[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+(?![\w-])")]
    private static partial Regex ComponentIdentifier();
}
