using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Vigil.Retrieval.Index;
using Vigil.Retrieval.Search;
using Vigil.Retrieval.Tests.Index;

namespace Vigil.Retrieval.Tests.Search;

/// <summary>
/// Quality/questions.json: for each expected threat of the corpus, a developer's question and the messages that
/// support it. The whole corpus is indexed (each case in its own public channel) and each question is asked from its
/// case's channel; a hit is a supporting message in the top 5.
/// </summary>
public sealed class RetrievalQualityTests(MiniLmFixture miniLm) : IClassFixture<MiniLmFixture>, IDisposable
{
    private const int Top = 5;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly TempIndex temp = new(EmbeddingModel.Of(miniLm.Generator));

    public void Dispose() => temp.Dispose();

    private sealed record Question(string Case, string Threat, string Text, int[] Supporting);

    private sealed record Message(string Text);

    private static List<Question> Questions()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Retrieval.Tests", "Quality", "questions.json")));
        return json.RootElement.EnumerateArray().Select(e => new Question(
            e.GetProperty("case").GetString()!,
            e.GetProperty("threat").GetString()!,
            e.GetProperty("question").GetString()!,
            e.GetProperty("supporting").EnumerateArray().Select(i => i.GetInt32()).ToArray())).ToList();
    }

    private static IEnumerable<(string Id, ChunkScope Scope, string Text)> Corpus()
    {
        foreach (var folder in Directory.GetDirectories(RepositoryPaths.Corpus).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            var messages = JsonSerializer.Deserialize<List<Message>>(File.ReadAllText(Path.Combine(folder, "thread.json")), JsonSerializerOptions.Web)!;
            for (var i = 0; i < messages.Count; i++)
            {
                var number = (i + 1).ToString(CultureInfo.InvariantCulture);
                yield return ($"{name}:{number}", new ChunkScope("T1", name, "t-" + name, number), messages[i].Text);
            }
        }
    }

    [Fact]
    public async Task Hybrid_retrieves_the_supporting_message_in_the_top_5_more_often_than_vector_or_keyword_alone()
    {
        await temp.Index.UpsertAsync(await miniLm.ChunksAsync(Corpus(), Cancel), Cancel);
        var hybrid = new HybridSearch(miniLm.Generator, temp.Index, temp.Index);
        var questions = Questions();
        var vectors = await miniLm.Generator.GenerateAsync(questions.Select(q => q.Text), cancellationToken: Cancel);

        int vectorHits = 0, keywordHits = 0, hybridHits = 0;
        for (var q = 0; q < questions.Count; q++)
        {
            var question = questions[q];
            var scope = new SearchScope("T1", question.Case);
            var expected = question.Supporting.Select(s => $"{question.Case}:{s}").ToHashSet();
            bool Hit(IReadOnlyList<SearchHit> hits) => hits.Any(h => expected.Contains(h.Chunk.Id));
            vectorHits += Hit(await temp.Index.SearchAsync(vectors[q].Vector, scope, Top, Cancel)) ? 1 : 0;
            keywordHits += Hit(await temp.Keywords.SearchAsync(question.Text, scope, Top, Cancel)) ? 1 : 0;
            hybridHits += Hit(await hybrid.SearchAsync(question.Text, scope, Top, Cancel)) ? 1 : 0;
        }

        var figures = $"hit rate @{Top} over {questions.Count} questions: hybrid {hybridHits}, vector {vectorHits}, keyword {keywordHits}";
        TestContext.Current.SendDiagnosticMessage(figures);
        Assert.True(hybridHits > vectorHits && hybridHits > keywordHits, figures);
        Assert.True(hybridHits >= questions.Count * 0.95, figures);
    }
}
