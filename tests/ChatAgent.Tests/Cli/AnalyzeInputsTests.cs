using System.Text.Json;

namespace Vigil.ChatAgent.Tests.Cli;

/// <summary>Every kind of input `vigil analyze` accepts ends up in one model, with evidence pointing back at it.</summary>
public sealed class AnalyzeInputsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-inputs-").FullName;

    private static async Task<JsonElement> AnalyzeJson(params string[] paths)
    {
        var (exitCode, output, error) = await CliRunner.Run(["analyze", .. paths, "--format", "json"]);
        Assert.True(exitCode == 0, error);
        return JsonDocument.Parse(output).RootElement;
    }

    private static IEnumerable<string> EvidenceSources(JsonElement report) =>
        report.GetProperty("findings").EnumerateArray()
            .SelectMany(f => f.GetProperty("relatedEvidence").EnumerateArray())
            .Select(e => e.GetProperty("source").GetString()!);

    [Fact]
    public async Task Slack_export_folder_is_read_channel_by_channel_with_message_evidence()
    {
        var export = Path.Combine(folder, "export");
        Directory.CreateDirectory(Path.Combine(export, "design-billing"));
        await File.WriteAllTextAsync(Path.Combine(export, "channels.json"), """[{"id": "C1", "name": "design-billing"}]""", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(export, "design-billing", "2026-11-02.json"), """
            [
              {"type": "message", "user": "U1", "ts": "1.1", "text": "invoice-svc keeps the Stripe secret key in appsettings.Production.json in the repo"},
              {"type": "message", "user": "U2", "ts": "1.2", "text": "and it logs the full request body at INFO to Datadog"},
              {"type": "message", "user": "U3", "ts": "1.3", "text": "flow: invoice-svc -&gt; ledger-db"}
            ]
            """, TestContext.Current.CancellationToken);

        var report = await AnalyzeJson(export);

        Assert.Contains(report.GetProperty("model").GetProperty("elements").EnumerateArray(), e => e.GetProperty("id").GetString() == "invoice-svc");
        Assert.Contains("design-billing/2026-11-02.json#1", EvidenceSources(report));
        Assert.Contains(report.GetProperty("model").GetProperty("flows").EnumerateArray(), f => f.GetProperty("id").GetString() == "invoice-svc->ledger-db");
    }

    [Fact]
    public async Task Thread_file_pulls_in_its_openapi_attachment()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "spec.yaml"), """
            openapi: 3.0.3
            info: { title: ledger-api, version: "1" }
            servers: [{ url: "http://ledger.example.com" }]
            paths:
              /accounts/{id}:
                get:
                  security: []
                  parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
                  responses: { "200": { description: ok } }
            """, TestContext.Current.CancellationToken);
        var thread = Path.Combine(folder, "thread.json");
        await File.WriteAllTextAsync(thread, """[{"user": "U1", "text": "spec for ledger-api attached", "files": ["spec.yaml"]}]""", TestContext.Current.CancellationToken);

        var report = await AnalyzeJson(thread);

        Assert.Contains("spec.yaml", EvidenceSources(report));
        Assert.Contains(report.GetProperty("model").GetProperty("facts").EnumerateArray(),
            f => f.GetProperty("key").GetString() == "unauthenticated-operation" && f.GetProperty("detail").GetString() == "GET /accounts/{id}");
    }

    [Fact]
    public async Task Markdown_report_names_the_component_and_quotes_the_message()
    {
        var doc = Path.Combine(folder, "design.md");
        await File.WriteAllTextAsync(doc, "# Exports\nexport-worker keeps the SFTP password in the repo, in config.yaml.\n", TestContext.Current.CancellationToken);

        var (exitCode, output, _) = await CliRunner.Run("analyze", doc, "--format", "md");

        Assert.Equal(0, exitCode);
        Assert.Contains("export-worker", output, StringComparison.Ordinal);
        Assert.Contains("keeps the SFTP password in the repo", output, StringComparison.Ordinal);
        Assert.Contains("```mermaid", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
