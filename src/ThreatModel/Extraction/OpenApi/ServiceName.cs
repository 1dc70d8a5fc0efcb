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

        var host = (document.Servers ?? [])
            .Select(server => Uri.TryCreate(server.Url, UriKind.Absolute, out var uri) ? uri.Host : null)
            .FirstOrDefault(value => !string.IsNullOrEmpty(value));
        return host is not null
            ? new Result(host, $"url: {document.Servers!.First(s => s.Url?.Contains(host, StringComparison.Ordinal) == true).Url}", null)
            : new Result(Path.GetFileNameWithoutExtension(sourceId), sourceId, null);
    }

    // A lowercase kebab- or snake-case word such as "payments-svc" or "mobile_bff", standing on its own in the title.
    [GeneratedRegex(@"(?<![\w-])[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+(?![\w-])")]
    private static partial Regex ComponentIdentifier();
}
