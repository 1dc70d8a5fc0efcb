using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Export;

/// <summary>
/// Evidence as a SARIF location: the source before '#' is the artifact (<c>thread.json</c>); what follows is a
/// line range (<c>L12-L14</c>) when it is one, otherwise a logical location such as message 4 of the thread.
/// </summary>
internal static partial class SarifLocation
{
    public static JsonObject From(Evidence evidence, int? id = null)
    {
        var hash = evidence.Source.IndexOf('#', StringComparison.Ordinal);
        var artifact = hash < 0 ? evidence.Source : evidence.Source[..hash];
        var fragment = hash < 0 ? "" : evidence.Source[(hash + 1)..];

        var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = Uri(artifact) } };
        var lines = LineRange().Match(fragment);
        if (lines.Success)
        {
            var region = new JsonObject { ["startLine"] = int.Parse(lines.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) };
            if (lines.Groups[2].Success)
            {
                region["endLine"] = int.Parse(lines.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            }

            physical["region"] = region;
        }

        var location = new JsonObject();
        if (id is not null)
        {
            location["id"] = id.Value;
        }

        location["physicalLocation"] = physical;
        if (fragment.Length > 0 && !lines.Success)
        {
            location["logicalLocations"] = new JsonArray(new JsonObject
            {
                ["name"] = fragment.All(char.IsAsciiDigit) ? $"message {fragment}" : fragment,
                ["fullyQualifiedName"] = evidence.Source,
                ["kind"] = "object",
            });
        }

        location["message"] = new JsonObject { ["text"] = evidence.Quote };
        return location;
    }

    /// <summary>A relative URI reference: path separators as '/', anything outside RFC 3986 percent-encoded.</summary>
    public static string Uri(string path)
    {
        var sb = new StringBuilder(path.Length);
        foreach (var b in Encoding.UTF8.GetBytes(path.Replace('\\', '/')))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/%".Contains(c)))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.Length == 0 ? "unknown" : sb.ToString();
    }

    [GeneratedRegex(@"^L(\d{1,9})(?:-L?(\d{1,9}))?$")]
    private static partial Regex LineRange();
}
