using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Vigil.ChatAgent.Tests.Cli;

/// <summary><c>vigil ingest</c>, <c>vigil ask</c> and <c>vigil reindex</c> on one data folder, as someone without a chat platform would use them.</summary>
public sealed class AskTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("vigil-ask-").FullName;

    [Fact]
    public async Task An_answer_in_a_public_channel_cites_its_own_sources_and_never_a_private_channel()
    {
        await IngestAsync("01-payments-webhook", "payments");
        await IngestAsync("07-multitenant-postgres", "shiftly", "--private");

        var fromPublic = await AskAsync("payments", "does every tenant share the same postgres database?");
        var fromPrivate = await AskAsync("shiftly", "does every tenant share the same postgres database?");

        Assert.All(Sources(fromPublic), s => Assert.Equal("payments", s.GetProperty("channel").GetString()));
        Assert.Contains(Sources(fromPrivate), s => s.GetProperty("channel").GetString() == "shiftly");
        Assert.NotEmpty(fromPublic.RootElement.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public async Task After_reindex_the_same_question_finds_the_same_evidence()
    {
        await IngestAsync("01-payments-webhook", "payments");
        var before = await AskAsync("payments", "who can call the refunds endpoint from retool?");

        var (exitCode, output, error) = await CliRunner.Run("reindex", "--data-dir", data);

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("re-embedded", output);
        var after = await AskAsync("payments", "who can call the refunds endpoint from retool?");
        Assert.Equal(Sources(before).Select(s => s.GetProperty("source").GetString()), Sources(after).Select(s => s.GetProperty("source").GetString()));
    }

    private async Task IngestAsync(string corpusCase, string channel, params string[] extra)
    {
        var (exitCode, _, error) = await CliRunner.Run(["ingest", Path.Combine(RepositoryPaths.Corpus, corpusCase, "thread.json"), "--channel", channel, "--data-dir", data, .. extra]);
        Assert.True(exitCode == 0, error);
    }

    private async Task<JsonDocument> AskAsync(string channel, string question)
    {
        var (exitCode, output, error) = await CliRunner.Run("ask", question, "--channel", channel, "--format", "json", "--data-dir", data);
        Assert.True(exitCode == 0, error);
        return JsonDocument.Parse(output);
    }

    private static List<JsonElement> Sources(JsonDocument answer) => answer.RootElement.GetProperty("sources").EnumerateArray().ToList();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }
}
