using Vigil.ThreatModel.Extraction.OpenApi;
using Vigil.ThreatModel.Model;
using Xunit;
using static Vigil.ThreatModel.Tests.Extraction.OpenApi.OpenApiTestSupport;

namespace Vigil.ThreatModel.Tests.Extraction.OpenApi;

public sealed class OpenApiServiceNameTests
{
    private static string Titled(string title) => $"openapi: 3.0.3\ninfo:\n  title: {title}\n  version: '1'\npaths: {{}}\n";

    [Theory]
    [InlineData("Brightcart payments-svc", "payments-svc")]
    [InlineData("FitLoop mobile-bff API", "mobile-bff")]
    [InlineData("Nimbus loyalty_svc (internal)", "loyalty_svc")]
    [InlineData("Ledgerly Admin API", "Ledgerly Admin API")]
    [InlineData("Acme e-commerce API", "Acme e-commerce API")]
    public void Title_with_a_component_identifier_names_the_service_by_that_identifier(string title, string expected)
    {
        Assert.Equal(expected, Assert.Single(Extract(Titled(title)).Elements).Name);
    }

    [Fact]
    public void Spec_merges_with_the_same_component_mentioned_in_chat()
    {
        var builder = new SystemModelBuilder();
        var chatId = builder.AddElement("payments svc", ElementKind.Service, new Evidence("thread.json#2", "the payments svc calls PayNova"));

        new OpenApiExtractor().Extract(Spec(Titled("Brightcart payments-svc")), builder);

        var service = Assert.Single(builder.Build("t").Elements);
        Assert.Equal(chatId, service.Id);
        Assert.Equal(["openapi"], service.Technologies);
        Assert.Equal(2, service.Evidence.Count);
    }

    [Fact]
    public void Service_can_also_be_found_by_its_full_title()
    {
        var builder = new SystemModelBuilder();

        new OpenApiExtractor().Extract(Spec(Titled("Brightcart payments-svc")), builder);

        Assert.Equal(builder.Resolve("payments-svc"), builder.Resolve("Brightcart payments-svc"));
    }

    [Fact]
    public void Spec_without_a_title_is_named_after_its_server_host()
    {
        const string untitled = "openapi: 3.0.3\ninfo: {version: '1'}\nservers:\n  - url: /v1\n  - url: https://ledger.example.com/v1\npaths: {}\n";

        var service = Assert.Single(Extract(untitled, "ledger.yaml").Elements);

        Assert.Equal("ledger.example.com", service.Name);
        Assert.Equal([new Evidence("ledger.yaml", "url: https://ledger.example.com/v1")], service.Evidence);
    }
}
