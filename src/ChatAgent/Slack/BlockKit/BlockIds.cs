using System.Security.Cryptography;
using System.Text;

namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>Hands out block ids that are unique within one message or view, as Slack requires.</summary>
internal sealed class BlockIds
{
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    public string Next(string wanted)
    {
        var id = wanted.Length <= BlockKitLimits.Id - 4 ? wanted : Hashed(wanted);
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++)
        {
            // The same finding shown twice in one reply still needs two distinct block ids.
            candidate = $"{id}#{n}";
        }

        return candidate;
    }

    private static string Hashed(string wanted) =>
        FindingActions.BlockIdPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(wanted)))[..32];
}
