using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Retrieval.Embeddings;
using Vigil.Retrieval.Index;

namespace Vigil.Retrieval.Tests.Embeddings;

/// <summary>
/// Embeddings from an OpenAI-compatible endpoint (OpenAI, Azure OpenAI, Ollama), against a stand-in server on loopback
/// that speaks the real <c>POST /v1/embeddings</c> protocol.
/// </summary>
public sealed class OpenAiEmbeddingTests : IAsyncLifetime
{
    private const int Dimensions = 8;
    private readonly ConcurrentQueue<(string? Authorization, JsonNode Body)> requests = new();
    private WebApplication? server;
    private string baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server = builder.Build();
        server.MapPost("/v1/embeddings", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!;
            requests.Enqueue((request.Headers.Authorization.ToString(), body));
            var inputs = body["input"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
            return Results.Json(new
            {
                @object = "list",
                model = body["model"]!.GetValue<string>(),
                data = inputs.Select((text, index) => new { @object = "embedding", index, embedding = VectorFor(text) }),
                usage = new { prompt_tokens = inputs.Count, total_tokens = inputs.Count },
            });
        });
        await server.StartAsync(TestContext.Current.CancellationToken);
        baseUrl = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/v1";
    }

    // A deterministic vector that says which text it was made for.
    private static float[] VectorFor(string text) => [text.Length, 1, 0, 0, 0, 0, 0, 0];

    [Fact]
    public async Task Vectors_come_from_the_configured_endpoint_with_the_model_and_the_key()
    {
        var generator = EmbeddingGenerators.Create(new EmbeddingOptions { Provider = "OpenAI", Endpoint = baseUrl, ApiKey = "sk-test-123", Model = "nomic-embed-text", Dimensions = Dimensions });

        var embeddings = await generator.GenerateAsync(["short", "a longer sentence"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([5f, 17f], embeddings.Select(e => e.Vector.Span[0]));
        var (authorization, body) = Assert.Single(requests);
        Assert.Equal("Bearer sk-test-123", authorization);
        Assert.Equal("nomic-embed-text", body["model"]!.GetValue<string>());
        Assert.Equal(new EmbeddingModel("nomic-embed-text", Dimensions), EmbeddingModel.Of(generator));
    }

    [Fact]
    public void A_missing_setting_is_named_by_its_configuration_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EmbeddingGenerators.Create(new EmbeddingOptions { Provider = "OpenAI", Endpoint = baseUrl }));

        Assert.Contains("Embeddings:Model is required", error.Message);
        Assert.Contains("Embeddings:Dimensions", error.Message);
    }

    [Fact]
    public void The_local_model_is_the_default()
    {
        using var generator = EmbeddingGenerators.Create(new EmbeddingOptions());

        Assert.Equal(new EmbeddingModel("all-MiniLM-L6-v2", 384), EmbeddingModel.Of(generator));
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
