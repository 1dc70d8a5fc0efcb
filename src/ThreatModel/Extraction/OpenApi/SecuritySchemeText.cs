using Microsoft.OpenApi;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>A security scheme in a few words: "apiKey in header X-Admin-Key", "http bearer JWT", "oauth2".</summary>
internal static class SecuritySchemeText
{
    public static string Describe(IOpenApiSecurityScheme scheme) => scheme.Type switch
    {
        SecuritySchemeType.ApiKey => Join("apiKey", scheme.In is { } location ? $"in {Location(location)}" : null, scheme.Name),
        SecuritySchemeType.Http => Join("http", scheme.Scheme?.ToLowerInvariant(), scheme.BearerFormat),
        SecuritySchemeType.OAuth2 => "oauth2",
        SecuritySchemeType.OpenIdConnect => "openIdConnect",
        SecuritySchemeType.MutualTLS => "mutualTLS",
        _ => "undefined scheme",
    };

    private static string Location(ParameterLocation location) => location switch
    {
        ParameterLocation.Header => "header",
        ParameterLocation.Query => "query",
        ParameterLocation.Cookie => "cookie",
        _ => location.ToString().ToLowerInvariant(),
    };

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(part => !string.IsNullOrWhiteSpace(part)));
}
