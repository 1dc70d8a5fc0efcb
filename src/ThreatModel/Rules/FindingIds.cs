using System.Security.Cryptography;
using System.Text;

namespace Vigil.ThreatModel.Rules;

/// <summary>
/// Finding ids depend only on the rule and the element, so re-wording elsewhere in a thread, re-ordering messages or
/// a new model version keeps every id a human has already triaged.
/// </summary>
public static class FindingIds
{
    public static string For(string ruleId, string? elementId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleId}|{elementId ?? "system"}"));
        return "F-" + Convert.ToHexStringLower(bytes)[..8];
    }
}
