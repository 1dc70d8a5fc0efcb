using System.Text.RegularExpressions;

namespace Vigil.Ingestion.Sources;

/// <summary>Recognises an OpenAPI or Swagger document by its top-level version key, in YAML or JSON.</summary>
public static partial class OpenApiSniffer
{
    public static bool IsOpenApi(string text) => VersionKey().IsMatch(text.Length > 4096 ? text[..4096] : text);

    [GeneratedRegex(@"^\s*(?:""?(?:openapi|swagger)""?\s*:|\{\s*""(?:openapi|swagger)""\s*:)", RegexOptions.Multiline)]
    private static partial Regex VersionKey();
}
