using System.Text.Json;

namespace Vigil.ChatAgent.Tests.Ingestion;

/// <summary>A large design input: one thread of many messages, and 20 files of the kinds teams attach.</summary>
internal static class CrashInputs
{
    private static readonly string[] Statements =
    [
        "orders-svc publishes order events to the orders.v1 topic on kafka",
        "the billing api is internet-facing behind the shared ingress",
        "payments-svc calls the ledger service over plain http for now",
        "we store the customer's date of birth and address in postgres",
        "the admin console has no MFA yet, ticket to add it next quarter",
        "webhooks from the payment provider are verified with an HMAC signature",
        "the mobile app keeps the refresh token in local storage",
        "reports are exported nightly to an SFTP server run by the analytics vendor",
    ];

    /// <summary>Writes the inputs and returns how many files (besides the thread's messages) there are.</summary>
    public static int Write(string folder, int messages)
    {
        Directory.CreateDirectory(folder);
        var thread = Enumerable.Range(1, messages)
            .Select(i => new { user = $"U{i % 7}", text = $"{Statements[i % Statements.Length]} (decision {i})" });
        File.WriteAllText(Path.Combine(folder, "thread.json"), JsonSerializer.Serialize(thread));

        var corpus = RepositoryPaths.Corpus;
        var files = 0;
        foreach (var (name, index) in Directory.GetDirectories(corpus).Order(StringComparer.Ordinal).Select((d, i) => (d, i)))
        {
            File.Copy(Path.Combine(name, "design.md"), Path.Combine(folder, $"design-{index:00}.md"));
            files++;
        }

        foreach (var spec in new[] { "01-payments-webhook", "02-sso-oidc-admin-api", "06-mobile-jwt-backend" })
        {
            File.Copy(Path.Combine(corpus, spec, "openapi.yaml"), Path.Combine(folder, $"{spec}.yaml"));
            files++;
        }

        foreach (var board in new[] { "03-upload-thumbnails-bucket", "11-iot-mqtt-firmware" })
        {
            File.Copy(Path.Combine(corpus, board, "whiteboard.png"), Path.Combine(folder, $"{board}.png"));
            files++;
        }

        for (var i = files; i < 20; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"notes-{i}.txt"), string.Join("\n\n", Statements.Skip(i % 3).Select(s => $"{s}, per review {i}.")));
            files++;
        }

        return files;
    }
}
