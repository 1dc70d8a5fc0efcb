using System.Text.Json;
using Vigil.Retrieval.Index;
using Vigil.Retrieval.Search;
using Vigil.Retrieval.Tests.Index;

namespace Vigil.Retrieval.Tests.Search;

/// <summary>
/// The corpus conversations split between public and private channels of one workspace; questions built from the
/// private channels' own words, asked from a public channel, must never bring any of that text back.
/// </summary>
public sealed class LeakTests(MiniLmFixture miniLm) : IClassFixture<MiniLmFixture>, IDisposable
{
    private const string Workspace = "T1";
    private const int Questions = 200;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly TempIndex temp = new(EmbeddingModel.Of(miniLm.Generator));

    public void Dispose() => temp.Dispose();

    private sealed record Message(string Text);

    private static List<(string Id, ChunkScope Scope, string Text)> CorpusInChannels()
    {
        var chunks = new List<(string, ChunkScope, string)>();
        var cases = Directory.GetDirectories(RepositoryPaths.Corpus).Order(StringComparer.Ordinal).ToList();
        for (var c = 0; c < cases.Count; c++)
        {
            var name = Path.GetFileName(cases[c]);
            var isPrivate = c % 2 == 1;
            var scope = new ChunkScope(Workspace, isPrivate ? "private-" + name : name, Thread: "t-" + name, PrivateChannel: isPrivate);
            var messages = JsonSerializer.Deserialize<List<Message>>(File.ReadAllText(Path.Combine(cases[c], "thread.json")), JsonSerializerOptions.Web)!;
            chunks.AddRange(messages.Select((m, i) => ($"{name}:{i}", scope with { Message = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, m.Text)));
        }

        return chunks;
    }

    // Questions made of the private channels' own words, so both the vector and the keyword index are tempted.
    private static List<string> QuestionsAbout(IReadOnlyList<string> privateTexts)
    {
        string[] openings = ["what about", "how do we handle", "is there a risk with", "who owns", "can you summarise", "why do we use"];
        var random = new Random(4);
        return Enumerable.Range(0, Questions).Select(_ =>
        {
            var words = privateTexts[random.Next(privateTexts.Count)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var length = Math.Min(words.Length, random.Next(3, 9));
            var start = random.Next(words.Length - length + 1);
            return $"{openings[random.Next(openings.Length)]} {string.Join(' ', words.Skip(start).Take(length))}?";
        }).ToList();
    }

    [Fact]
    public async Task Two_hundred_questions_from_a_public_channel_retrieve_no_private_chunk_by_vector_keyword_or_hybrid()
    {
        var corpus = CorpusInChannels();
        await temp.Index.UpsertAsync(await miniLm.ChunksAsync(corpus, Cancel), Cancel);
        var privateTexts = corpus.Where(c => c.Scope.PrivateChannel).Select(c => c.Text).ToList();
        var publicChannel = corpus.First(c => !c.Scope.PrivateChannel).Scope.Channel;
        var asked = new SearchScope(Workspace, publicChannel);
        var hybrid = new HybridSearch(miniLm.Generator, temp.Index, temp.Index);
        var questions = QuestionsAbout(privateTexts);
        var vectors = await miniLm.Generator.GenerateAsync(questions, cancellationToken: Cancel);

        var leaked = new List<string>();
        var returned = 0;
        for (var q = 0; q < questions.Count; q++)
        {
            IReadOnlyList<SearchHit>[] results =
            [
                await temp.Index.SearchAsync(vectors[q].Vector, asked, 10, Cancel),
                await temp.Keywords.SearchAsync(questions[q], asked, 10, Cancel),
                await hybrid.SearchAsync(questions[q], asked, 10, Cancel),
            ];
            returned += results.Sum(r => r.Count);
            leaked.AddRange(results.SelectMany(r => r).Where(h => h.Chunk.Scope.PrivateChannel).Select(h => $"{questions[q]} -> {h.Chunk.Id}"));
        }

        Assert.Empty(leaked);
        Assert.True(returned > Questions * 20, $"only {returned} hits: the questions did not exercise the indexes");

        // The same questions asked inside the private channels do find their text: the index holds it, the scope hides it.
        var firstPrivate = corpus.First(c => c.Scope.PrivateChannel).Scope;
        var inside = await hybrid.SearchAsync(questions[0], new SearchScope(Workspace, firstPrivate.Channel), 10, Cancel);
        Assert.Contains(inside, h => h.Chunk.Scope.PrivateChannel);
    }
}
