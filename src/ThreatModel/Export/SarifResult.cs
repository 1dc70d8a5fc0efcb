using System.Text.Json.Nodes;
using Vigil.ThreatModel.Findings;

namespace Vigil.ThreatModel.Export;

/// <summary>One finding as a SARIF result, fingerprinted by its stable id so alerts survive re-analysis.</summary>
internal static class SarifResult
{
    /// <summary>Versioned as SARIF asks of fingerprint names, so a future change of scheme can use "/v2".</summary>
    public const string FingerprintName = "vigilFindingId/v1";

    public static JsonObject From(Finding f, int ruleIndex)
    {
        var result = new JsonObject
        {
            ["ruleId"] = f.RuleId,
            ["ruleIndex"] = ruleIndex,
            ["level"] = SarifLevels.Of(f.Severity),
            ["message"] = new JsonObject { ["text"] = $"{f.Title} ({f.Component}). {f.Rationale}".Trim() },
            ["locations"] = new JsonArray(f.Evidence.Count > 0 ? SarifLocation.From(f.Evidence[0]) : ComponentOnly(f)),
        };

        if (f.Evidence.Count > 1)
        {
            result["relatedLocations"] = new JsonArray(f.Evidence.Skip(1).Select((e, i) => (JsonNode)SarifLocation.From(e, i + 1)).ToArray());
        }

        result["partialFingerprints"] = new JsonObject { [FingerprintName] = f.Id };
        if (f.Status != FindingStatus.Open)
        {
            // Accepted, mitigated and false-positive findings stay visible to auditors but do not fail a scan.
            result["suppressions"] = new JsonArray(new JsonObject
            {
                ["kind"] = "external",
                ["status"] = "accepted",
                ["justification"] = $"Marked {Labels.Of(f.Status)} in Vigil.",
            });
        }

        result["properties"] = new JsonObject
        {
            ["findingId"] = f.Id,
            ["score"] = JsonValue.Create(Scores.OneDecimal(f.Score)),
            ["severity"] = Labels.Of(f.Severity),
            ["component"] = f.Component,
            ["componentId"] = f.ComponentId,
            ["status"] = Labels.Of(f.Status),
            ["stride"] = new JsonArray(f.Stride.Select(s => (JsonNode)JsonValue.Create(s.ToString())).ToArray()),
            ["cwe"] = new JsonArray(f.Cwe.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
            ["capec"] = new JsonArray(f.Capec.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
        };
        return result;
    }

    // Vigil findings always carry evidence; this keeps a hand-made finding without any still valid SARIF.
    private static JsonObject ComponentOnly(Finding f) => new()
    {
        ["logicalLocations"] = new JsonArray(new JsonObject
        {
            ["name"] = f.Component,
            ["fullyQualifiedName"] = f.ComponentId ?? f.Component,
        }),
    };
}
