using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.ThreatModel.Evaluation;

/// <summary>An <c>expected.json</c>: the threats an expert expects for one design, and those that must not be reported.</summary>
public sealed record ExpectedCase(
    [property: JsonPropertyName("system")] string System,
    [property: JsonPropertyName("threats")] IReadOnlyList<ExpectedThreat> Threats,
    [property: JsonPropertyName("absent")] IReadOnlyList<ExpectedThreat> Absent)
{
    public static ExpectedCase Parse(string json) =>
        JsonSerializer.Deserialize<ExpectedCase>(json) ?? throw new JsonException("expected.json is empty");
}

public sealed record ExpectedThreat(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("stride")] string? Stride,
    [property: JsonPropertyName("component")] string? Component,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("severity")] string? Severity,
    [property: JsonPropertyName("match")] ThreatMatch Match);

public sealed record ThreatMatch(
    [property: JsonPropertyName("keywords_any")] IReadOnlyList<IReadOnlyList<string>> KeywordsAny,
    [property: JsonPropertyName("cwe")] IReadOnlyList<int> Cwe);
