using System.ComponentModel.DataAnnotations;

namespace Vigil.ChatAgent.Slack;

/// <summary>The <c>Slack</c> configuration section. Without a bot token and signing secret the Slack adapter is off.</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>The bot token (<c>xoxb-…</c>): sent only to <see cref="ApiBaseUrl"/> and Slack's file hosts.</summary>
    public string? BotToken { get; set; }

    /// <summary>Verifies that HTTP requests come from Slack (signature v0).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The app-level token (<c>xapp-…</c>); when set, events arrive over Socket Mode and no public URL is needed.</summary>
    public string? AppToken { get; set; }

    /// <summary>Slack's Web API; a test points it to a local stand-in.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Largest request body accepted at the Slack endpoints.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>How far a request's timestamp may be from now before it is refused as a replay.</summary>
    public TimeSpan SignatureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Pause between two posts to the same channel (Slack allows about one per second).</summary>
    public TimeSpan PostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries of a Web API call after HTTP 429 or a 5xx answer.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First wait before retrying a 5xx answer or a network error; it doubles on each further retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}
