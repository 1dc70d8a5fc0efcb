using Microsoft.OpenApi;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>
/// An apiKey scheme whose value is a fixed key handed to callers ("X-Admin-Key", "api_key"), as opposed to a
/// per-user session cookie or token that merely travels in the same place.
/// </summary>
internal static class StaticApiKey
{
    private static readonly string[] KeyWords = ["key", "apikey", "secret"];
    private static readonly string[] SessionWords = ["session", "sess", "sid", "jsessionid", "csrf", "xsrf"];

    public static bool Is(string schemeName, IOpenApiSecurityScheme scheme)
    {
        if (scheme.Type != SecuritySchemeType.ApiKey)
        {
            return false;
        }

        var words = FieldWords.Split(scheme.Name).Concat(FieldWords.Split(schemeName)).ToList();
        return !words.Any(SessionWords.Contains) && words.Any(KeyWords.Contains);
    }
}
