using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Findings;

namespace Vigil.ThreatModel.Export;

/// <summary>
/// The one set of JSON settings for analyses: camelCase names, enums as strings, indented, "\n" line ends.
/// Read and write <c>--format json</c> documents through here so every part of Vigil agrees on the shape.
/// </summary>
public static class AnalysisJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The <c>{"model", "findings", "attackPaths"}</c> document of the CLI contract.</summary>
    public static string Serialize(AnalysisResult result) =>
        JsonSerializer.Serialize(AnalysisDocument.From(result), Options);

    /// <summary>Reads a document written by <see cref="Serialize"/> back into an analysis.</summary>
    /// <exception cref="JsonException">The text is not such a document.</exception>
    public static AnalysisResult Deserialize(string json) =>
        (JsonSerializer.Deserialize<AnalysisDocument>(json, Options)
            ?? throw new JsonException("Expected an analysis object, found null.")).ToResult();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            // Byte-identical output on every OS.
            NewLine = "\n",
            // Keeps quotes, arrows and accents in chat evidence readable while still escaping HTML-sensitive characters.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            RespectNullableAnnotations = true,
        };

        // STRIDE keeps the contract's PascalCase ("InformationDisclosure"); the first matching converter wins.
        options.Converters.Add(new JsonStringEnumConverter<Stride>());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
