using Cronos;
using Microsoft.Extensions.Options;

namespace Vigil.ChatAgent.Conversation.Digest;

/// <summary>Checks the <c>Digest</c> section at start, with messages that name the key to fix.</summary>
internal sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options)
    {
        var failures = new List<string>();
        if (DigestSchedule.TryParse(options.Schedule, out _) is { } cronError)
        {
            failures.Add($"Digest:Schedule \"{options.Schedule}\" is not a valid cron expression (five fields, e.g. \"0 9 * * 1\" for Monday 09:00): {cronError}");
        }

        if (DigestSchedule.TryFindZone(options.TimeZone, out _) is { } zoneError)
        {
            failures.Add($"Digest:TimeZone \"{options.TimeZone}\" is not a known IANA time zone id (e.g. \"Europe/Berlin\"): {zoneError}");
        }

        for (var i = 0; i < options.Targets.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Targets[i].Workspace))
            {
                failures.Add($"Digest:Targets:{i}:Workspace must name the workspace whose digest is posted.");
            }

            if (string.IsNullOrWhiteSpace(options.Targets[i].Channel))
            {
                failures.Add($"Digest:Targets:{i}:Channel must name the channel the digest is posted to.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
