using Vigil.ThreatModel.Extraction;
using Vigil.ThreatModel.Extraction.OpenApi;
using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Sources;
using Xunit;
using static Vigil.ThreatModel.Tests.Extraction.OpenApi.OpenApiTestSupport;

namespace Vigil.ThreatModel.Tests.Extraction.OpenApi;

public sealed class OpenApiParsingTests
{
    private readonly OpenApiExtractor extractor = new();

    [Fact]
    public void Yaml_3_0_spec_becomes_one_openapi_service_with_evidence_from_its_title()
    {
        var model = Extract(SampleSpecs.Shop30Yaml, "orders.yaml");

        var service = Assert.Single(model.Elements);
        Assert.Equal("orders-api", service.Name);
        Assert.Equal(ElementKind.Service, service.Kind);
        Assert.Equal(["openapi"], service.Technologies);
        Assert.Contains(new Evidence("orders.yaml", "title: Acme orders-api"), service.Evidence);
        Assert.All(model.Facts, fact => Assert.Equal(service.Id, fact.Subject));
        Assert.All(model.Facts, fact => Assert.Equal("orders.yaml", fact.Evidence.Source));
    }

    [Fact]
    public void Json_3_1_spec_lists_its_top_level_webhooks_as_outbound_webhooks()
    {
        var facts = AllFacts(SampleSpecs.Events31Json, "events.json");

        var webhook = Assert.Single(facts.Facts("outbound-webhook"));
        Assert.Equal("POST messagePosted", webhook.Detail);
        Assert.Equal(new Evidence("events.json", "webhooks: messagePosted"), webhook.Evidence);
        Assert.Equal(["POST /subscriptions"], facts.Details("api-operation"));
    }

    [Fact]
    public void Swagger_2_0_json_spec_is_read_with_its_security_definitions_and_host()
    {
        var model = Extract(SampleSpecs.Legacy20Json, "billing.json");

        Assert.Equal("Legacy Billing", Assert.Single(model.Elements).Name);
        Assert.Equal("http://billing.legacy.example/v1", Assert.Single(model.Facts("cleartext-transport")).Detail);
        Assert.Equal("apiKey in query api_key", Assert.Single(model.Facts("credential-in-url")).Detail);
        Assert.Equal("GET /invoices/{invoiceId}", Assert.Single(model.Facts("sequential-id")).Detail);
        Assert.Equal("POST /uploads", Assert.Single(model.Facts("file-upload")).Detail);
        Assert.Equal(Classification.Confidential, model.Data("iban").Classification);
    }

    [Fact]
    public void Invalid_yaml_throws_a_SourceFormatException_that_names_the_source()
    {
        const string broken = """
            openapi: 3.0.3
            info:
              title: [unclosed
              version: 1
            paths: {}
            """;

        var error = Assert.Throws<SourceFormatException>(() => extractor.Extract(Spec(broken, "broken.yaml"), new SystemModelBuilder()));

        Assert.Equal("broken.yaml", error.SourceId);
        Assert.StartsWith("invalid OpenAPI: ", error.Reason);
        Assert.StartsWith("broken.yaml: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Yaml_that_is_not_openapi_throws_not_an_openapi_document()
    {
        const string workflow = """
            name: build
            on: push
            jobs:
              test:
                runs-on: ubuntu-latest
            """;

        var error = Assert.Throws<SourceFormatException>(() => extractor.Extract(Spec(workflow, "ci.yaml"), new SystemModelBuilder()));

        Assert.Equal("ci.yaml", error.SourceId);
        Assert.Equal("not an OpenAPI document: no 'openapi' or 'swagger' key", error.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"name\": \"package.json\", \"version\": \"1.0.0\"}")]
    public void Empty_text_or_other_json_throws_not_an_openapi_document(string text)
    {
        var error = Assert.Throws<SourceFormatException>(() => extractor.Extract(Spec(text, "x.json"), new SystemModelBuilder()));

        Assert.Equal("not an OpenAPI document: no 'openapi' or 'swagger' key", error.Reason);
    }

    [Fact]
    public void Unsupported_openapi_version_throws_invalid_openapi()
    {
        var error = Assert.Throws<SourceFormatException>(() =>
            extractor.Extract(Spec("openapi: 9.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n", "v9.yaml"), new SystemModelBuilder()));

        Assert.StartsWith("invalid OpenAPI: ", error.Reason);
        Assert.Contains("9.0.0", error.Reason);
    }

    [Fact]
    public void Non_fatal_diagnostics_such_as_an_unresolved_ref_do_not_throw()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: gaps-svc, version: '1'}
            paths:
              /things:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Missing'}
                  responses:
                    '200': {description: ok}
            """;

        var model = Extract(spec);

        Assert.Equal("gaps-svc", Assert.Single(model.Elements).Name);
        Assert.Single(model.Facts("api-operation"));
    }

    [Theory]
    [InlineData(SourceKind.OpenApi, "anything at all", true)]
    [InlineData(SourceKind.Document, "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\npaths: {}\n", true)]
    [InlineData(SourceKind.Document, "# comment\nswagger: '2.0'\ninfo: {title: t, version: '1'}\n", true)]
    [InlineData(SourceKind.Document, "{\"info\": {\"title\": \"t\"}, \"openapi\": \"3.0.0\"}", true)]
    [InlineData(SourceKind.Document, "# Design\n\nWe attach the spec:\n\nopenapi: 3.0.0\n", false)]
    [InlineData(SourceKind.Document, "{\"info\": {\"openapi\": \"3.0.0\"}}", false)]
    [InlineData(SourceKind.Document, "name: build\non: push\n", false)]
    [InlineData(SourceKind.Message, "openapi: 3.0.0\ninfo: {title: t, version: '1'}\n", false)]
    public void CanRead_accepts_openapi_sources_and_documents_that_clearly_are_specs(SourceKind kind, string text, bool expected)
    {
        Assert.Equal(expected, extractor.CanRead(new SourceDocument("s", kind, text, 0)));
    }
}
