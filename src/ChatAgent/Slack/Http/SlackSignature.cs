using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.ChatAgent.Slack.Http;

/// <summary>
/// Slack's request signature, version 0: HMAC-SHA256 with the signing secret over <c>v0:{timestamp}:{raw body}</c>,
/// compared in constant time, and only within a few minutes of the request's timestamp so a captured request
/// cannot be replayed later.
/// </summary>
public static class SlackSignature
{
    /// <summary>Null when the request is genuine and fresh; otherwise why it is refused (for the log, never the reply).</summary>
    public static string? Problem(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan window)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return "the X-Slack-Request-Timestamp or X-Slack-Signature header is missing";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "the timestamp is not a number of seconds";
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > window.TotalSeconds)
        {
            return $"the timestamp is {Math.Abs(now.ToUnixTimeSeconds() - seconds)} s away from now (a replay, or a skewed clock)";
        }

        var expected = Encoding.ASCII.GetBytes(Compute(signingSecret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? null : "the signature does not match";
    }

    /// <summary>The <c>v0=…</c> signature Slack would send for this body and timestamp.</summary>
    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message));
    }
}
