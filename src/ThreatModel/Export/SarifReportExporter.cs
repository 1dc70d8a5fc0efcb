using System.Reflection;
using System.Text.Json.Nodes;
using Vigil.ThreatModel.Analysis;

namespace Vigil.ThreatModel.Export;

/// <summary>
/// <c>--format sarif</c>: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers; one run by the
/// "Vigil" driver, one rule per rule id, one result per finding.
/// </summary>
public sealed class SarifReportExporter : IReportExporter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    // The build's version (without the "+commit" suffix), so SARIF consumers can tell which Vigil produced a log.
    private static readonly string ToolVersion =
        (typeof(SarifReportExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    public string Format => "sarif";

    public string FileExtension => ".sarif";

    public string Export(AnalysisResult result)
    {
        var rules = SarifRules.From(result.Findings);
        var indexByRule = rules.Select((r, i) => (r.RuleId, i)).ToDictionary(x => x.RuleId, x => x.i, StringComparer.Ordinal);

        var document = new JsonObject
        {
            ["$schema"] = SchemaUri,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "Vigil",
                        ["semanticVersion"] = ToolVersion,
                        ["rules"] = new JsonArray(rules.Select(r => (JsonNode)r.Rule).ToArray()),
                    },
                },
                ["results"] = new JsonArray(result.Findings
                    .Select(f => (JsonNode)SarifResult.From(f, indexByRule[f.RuleId])).ToArray()),
                ["properties"] = new JsonObject
                {
                    ["model"] = result.Model.Name,
                    ["modelVersion"] = result.Model.Version,
                },
            }),
        };

        return document.ToJsonString(AnalysisJson.Options) + "\n";
    }
}
