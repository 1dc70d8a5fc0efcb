using Vigil.ThreatModel.Extraction.OpenApi;
using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Sources;

namespace Vigil.ThreatModel.Tests.Extraction.OpenApi;

internal static class OpenApiTestSupport
{
    public static SourceDocument Spec(string text, string id = "openapi.yaml") => new(id, SourceKind.OpenApi, text, Order: 0);

    /// <summary>The model the extractor builds from one spec.</summary>
    public static SystemModel Extract(string text, string id = "openapi.yaml")
    {
        var builder = new SystemModelBuilder();
        new OpenApiExtractor().Extract(Spec(text, id), builder);
        return builder.Build("test");
    }

    /// <summary>
    /// Every fact the extractor states, before the builder keeps only the latest control/deployment fact per key and
    /// subject: per-operation deployment facts (api-operation, admin-interface, …) are checked here.
    /// </summary>
    public static IReadOnlyList<Fact> AllFacts(string text, string id = "openapi.yaml")
    {
        var source = Spec(text, id);
        var spec = new OpenApiSpec(OpenApiSpecParser.Parse(source), source.Id, serviceId: "api");
        return new OpenApiExtractor().ReadFacts(spec).ToList();
    }

    public static IReadOnlyList<Fact> Facts(this SystemModel model, string key) => model.Facts.Where(f => f.Key == key).ToList();

    public static IReadOnlyList<Fact> Facts(this IEnumerable<Fact> facts, string key) => facts.Where(f => f.Key == key).ToList();

    public static IReadOnlyList<string?> Details(this SystemModel model, string key) => model.Facts.Details(key);

    public static IReadOnlyList<string?> Details(this IEnumerable<Fact> facts, string key) => facts.Where(f => f.Key == key).Select(f => f.Detail).ToList();

    public static DataAsset Data(this SystemModel model, string name) =>
        model.Data.SingleOrDefault(d => d.Name == name) ?? throw new Xunit.Sdk.XunitException(
            $"no data asset '{name}'; found: {string.Join(", ", model.Data.Select(d => d.Name))}");
}
