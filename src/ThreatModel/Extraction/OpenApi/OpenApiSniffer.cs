using System.Text;
using System.Text.Json;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>Tells, without parsing the whole document, whether a text declares itself an OpenAPI or Swagger document.</summary>
public static class OpenApiSniffer
{
    private static readonly string[] VersionKeys = ["openapi", "swagger"];

    /// <summary>True when a top-level <c>openapi</c>/<c>swagger</c> key is present, false when it is not, null when the text is malformed JSON.</summary>
    public static bool? HasVersionKey(string text)
    {
        var body = text.AsSpan().TrimStart('\uFEFF').TrimStart();
        if (body.IsEmpty)
        {
            return false;
        }

        return body[0] == '{' ? JsonHasVersionKey(text) : YamlHasVersionKey(body);
    }

    /// <summary>
    /// Stricter, for texts that arrive as plain documents: JSON with the key, or YAML whose every top-level line is a key,
    /// so a Markdown page that quotes <c>openapi: 3.0.0</c> in a code block is not mistaken for a spec.
    /// </summary>
    public static bool IsClearlyOpenApi(string text)
    {
        if (HasVersionKey(text) != true)
        {
            return false;
        }

        var body = text.AsSpan().TrimStart('\uFEFF').TrimStart();
        if (body[0] == '{')
        {
            return true;
        }

        foreach (var line in body.EnumerateLines())
        {
            if (line.IsEmpty || char.IsWhiteSpace(line[0]) || line[0] is '#' or '-' or '%' or '.')
            {
                continue;
            }

            if (!IsTopLevelKey(line))
            {
                return false;
            }
        }

        return true;
    }

    private static bool YamlHasVersionKey(ReadOnlySpan<char> body)
    {
        foreach (var line in body.EnumerateLines())
        {
            if (line.IsEmpty || char.IsWhiteSpace(line[0]))
            {
                continue;
            }

            var key = line.TrimStart("\"'");
            foreach (var versionKey in VersionKeys)
            {
                if (key.StartsWith(versionKey, StringComparison.Ordinal) && key[versionKey.Length..].TrimStart("\"' ").StartsWith(':'))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool? JsonHasVersionKey(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                if (reader.ValueTextEquals("openapi") || reader.ValueTextEquals("swagger"))
                {
                    return true;
                }

                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsTopLevelKey(ReadOnlySpan<char> line)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        foreach (var c in line[..colon])
        {
            // Spec keys are single words ("openapi", "x-tagGroups", "paths"); prose like "We attach the spec:" is not.
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '$' or '"' or '\''))
            {
                return false;
            }
        }

        return true;
    }
}
