using System.Text.Json;

namespace Vigil.ChatAgent.Tests.Cli;

public sealed class AnalyzeBadInputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("vigil-cli-").FullName;

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task Each_bad_input_gets_one_line_naming_it_and_the_good_input_is_still_analyzed()
    {
        var binary = WriteBytes("diagram.bin", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]);
        var huge = Path.Combine(folder, "dump.txt");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(60L * 1024 * 1024);
        }

        var badThread = Write("thread.json", "[{\"user\": \"U1\", \"text\": \"unterminated");
        var badSpec = Write("api.yaml", "openapi: 3.0.3\ninfo: [this is not\n  valid: yaml");
        var good = Write("design.md", "payments-svc stores card numbers in postgres. The live secret key is committed to the repo.");

        var (exitCode, output, error) = await CliRunner.Run("analyze", binary, huge, badThread, badSpec, good, "--format", "json");

        Assert.Equal(0, exitCode);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("diagram.bin", StringComparison.Ordinal) && l.Contains("binary", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("dump.txt", StringComparison.Ordinal) && l.Contains("MB", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("thread.json", StringComparison.Ordinal) && l.Contains("invalid thread JSON", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("api.yaml", StringComparison.Ordinal));
        Assert.Equal(4, lines.Length);
        using var report = JsonDocument.Parse(output);
        Assert.Contains(report.RootElement.GetProperty("model").GetProperty("elements").EnumerateArray(),
            e => e.GetProperty("id").GetString() == "payment-svc");
    }

    [Fact]
    public async Task Nothing_analyzable_exits_with_code_2()
    {
        var binary = WriteBytes("blob.dat", [0x00, 0xFF, 0x00]);

        var (exitCode, _, error) = await CliRunner.Run("analyze", binary, Path.Combine(folder, "missing.md"));

        Assert.Equal(2, exitCode);
        Assert.Contains("missing.md: no such file or folder", error, StringComparison.Ordinal);
        Assert.Contains("nothing could be analyzed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thread_without_any_message_text_is_reported_not_silently_ignored()
    {
        var empty = Write("empty.json", "[]");

        var (exitCode, _, error) = await CliRunner.Run("analyze", empty);

        Assert.Equal(2, exitCode);
        Assert.Contains("empty.json: the thread has no message with text", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
