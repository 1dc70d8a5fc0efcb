using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Retrieval.Index;
using Vigil.Retrieval.Index.Qdrant;

namespace Vigil.Retrieval.Tests.Index;

public sealed class VectorStoreSelectionTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddRetrieval(Path.Combine(Path.GetTempPath(), "vigil-unused"))
            .BuildServiceProvider();

    [Fact]
    public void Without_configuration_the_embedded_index_is_used()
    {
        using var services = new ServiceCollection().AddRetrieval(Path.Combine(Path.GetTempPath(), "vigil-unused")).BuildServiceProvider();

        Assert.IsType<EmbeddedVectorIndex>(services.GetRequiredService<IVectorIndex>());
    }

    [Fact]
    public void VectorStore_Type_Qdrant_uses_Qdrant_with_the_default_collection()
    {
        using var services = Build(new() { ["VectorStore:Type"] = "qdrant", ["Qdrant:Url"] = "http://localhost:6334" });

        var index = Assert.IsType<QdrantVectorIndex>(services.GetRequiredService<IVectorIndex>());
        Assert.Equal("vigil-chunks", index.Collection);
        Assert.Same(index, services.GetRequiredKeyedService<IVectorIndex>(VectorStoreOptions.QdrantType));
    }

    [Fact]
    public void Keyword_search_is_the_embedded_index_itself_and_off_with_Qdrant()
    {
        using var embedded = Build([]);
        using var qdrant = Build(new() { ["VectorStore:Type"] = "Qdrant", ["Qdrant:Url"] = "http://localhost:6334" });

        Assert.Same(embedded.GetRequiredService<IVectorIndex>(), embedded.GetRequiredService<IKeywordIndex>());
        Assert.IsType<NoKeywordIndex>(qdrant.GetRequiredService<IKeywordIndex>());
    }

    [Theory]
    [InlineData("Pinecone", null, "VectorStore:Type")]
    [InlineData("Qdrant", null, "Qdrant:Url is required")]
    [InlineData("Qdrant", "localhost:6334", "Qdrant:Url must be an absolute")]
    public void Wrong_settings_fail_at_start_naming_the_key(string type, string? url, string expected)
    {
        using var services = Build(new() { ["VectorStore:Type"] = type, ["Qdrant:Url"] = url });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<VectorStoreOptions>>().Value);

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Qdrant_settings_are_not_checked_when_the_embedded_index_is_chosen()
    {
        using var services = Build(new() { ["Qdrant:Url"] = "not a url" });

        Assert.IsType<EmbeddedVectorIndex>(services.GetRequiredService<IVectorIndex>());
    }

    [Fact]
    public void The_api_key_never_appears_in_the_options_text()
    {
        var options = new QdrantOptions { Url = "https://qdrant.example:6334", ApiKey = "s3cret-key" };

        Assert.DoesNotContain("s3cret-key", options.ToString());
    }
}
