using Vigil.ChatAgent.Conversation.Diagrams;
using Vigil.ThreatModel.Model;

namespace Vigil.ChatAgent.Tests.Conversation;

/// <summary>Draws with the real Graphviz <c>dot</c> (scripts/test.sh installs it).</summary>
public sealed class DiagramRendererTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Data_flow_diagram_is_drawn_as_a_png()
    {
        var renderer = new DiagramRenderer();

        var png = await renderer.RenderPngAsync(Webhooks(), TestContext.Current.CancellationToken);

        Assert.Equal(PngSignature, png.Take(PngSignature.Length));
        Assert.True(png.Length > 1000, $"only {png.Length} bytes");
    }

    [Fact]
    public async Task Names_with_quotes_backslashes_and_braces_still_draw()
    {
        var model = Webhooks() with
        {
            Elements = [.. Webhooks().Elements, new Element("legacy", "The \"legacy\" \\N ledger }; digraph {", ElementKind.DataStore, [], [], null, [])],
            Flows = [.. Webhooks().Flows, new DataFlow("f3", "payments-svc", "legacy", "jdbc \"v2\"", ["card data"], null, null, [])],
        };

        var png = await new DiagramRenderer().RenderPngAsync(model, TestContext.Current.CancellationToken);

        Assert.Equal(PngSignature, png.Take(PngSignature.Length));
    }

    [Fact]
    public async Task Missing_graphviz_is_reported_with_the_install_command()
    {
        var renderer = new DiagramRenderer(executable: "/nonexistent/graphviz/dot");

        var error = await Assert.ThrowsAsync<DiagramUnavailableException>(() => renderer.RenderPngAsync(Webhooks(), TestContext.Current.CancellationToken));

        Assert.Equal("Graphviz (dot) is not installed: apt-get install graphviz", error.Message);
    }

    [Fact]
    public async Task Dot_that_graphviz_rejects_is_reported_with_its_reason()
    {
        var renderer = new DiagramRenderer();

        var error = await Assert.ThrowsAsync<DiagramUnavailableException>(() => renderer.RenderPngAsync("digraph { a -> ", TestContext.Current.CancellationToken));

        Assert.StartsWith("Graphviz could not draw the diagram: ", error.Message);
        Assert.Contains("syntax error", error.Message);
    }

    private static SystemModel Webhooks() => new(
        "PayNova webhooks",
        1,
        [
            new Element("paynova", "PayNova", ElementKind.ExternalService, [], [], BoundaryKind.ThirdParty, []),
            new Element("payments-svc", "payments-svc", ElementKind.Service, [], [], BoundaryKind.CloudNetwork, []),
            new Element("postgres", "postgres", ElementKind.DataStore, [], [], BoundaryKind.CloudNetwork, []),
        ],
        [
            new DataFlow("f1", "paynova", "payments-svc", "HTTP", ["payment events"], "none", false, []),
            new DataFlow("f2", "payments-svc", "postgres", "postgres", ["card data"], null, true, []),
        ],
        [
            new TrustBoundary("thirdparty", "Third party", BoundaryKind.ThirdParty, ["paynova"]),
            new TrustBoundary("cloud", "Cloud network", BoundaryKind.CloudNetwork, ["payments-svc", "postgres"]),
        ],
        [],
        []);
}
