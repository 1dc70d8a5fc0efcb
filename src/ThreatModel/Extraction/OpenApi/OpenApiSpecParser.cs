using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Vigil.ThreatModel.Sources;

namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>Parses a source's text once, YAML or JSON, into an OpenAPI document, or says in one line why it cannot.</summary>
internal static class OpenApiSpecParser
{
    public const string NotOpenApi = "not an OpenAPI document: no 'openapi' or 'swagger' key";

    public static ParsedSpec Parse(SourceDocument source)
    {
        if (OpenApiSniffer.HasVersionKey(source.Text) == false)
        {
            throw new SourceFormatException(source.Id, NotOpenApi);
        }

        ReadResult result;
        try
        {
            result = OpenApiDocument.Parse(source.Text, format: null, Settings());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new SourceFormatException(source.Id, $"invalid OpenAPI: {OneLine(ex.Message)}", ex);
        }

        // Diagnostics on a document that was read (an unresolved $ref, a missing description) are not fatal.
        if (result.Document is null)
        {
            var error = result.Diagnostic?.Errors.FirstOrDefault()?.Message ?? "the document could not be read";
            throw new SourceFormatException(source.Id, $"invalid OpenAPI: {OneLine(error)}");
        }

        return new ParsedSpec(result.Document, result.Diagnostic?.SpecificationVersion ?? OpenApiSpecVersion.OpenApi3_0);
    }

    private static OpenApiReaderSettings Settings()
    {
        // Validation rules only add style diagnostics we never act on.
        var settings = new OpenApiReaderSettings { RuleSet = ValidationRuleSet.GetEmptyRuleSet() };
        settings.AddYamlReader();
        return settings;
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
