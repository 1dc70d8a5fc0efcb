using Vigil.ThreatModel.Model;
using Xunit;
using static Vigil.ThreatModel.Tests.Extraction.OpenApi.OpenApiTestSupport;

namespace Vigil.ThreatModel.Tests.Extraction.OpenApi;

public sealed class OpenApiSecurityFactsTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: {title: Brightcart admin-svc, version: '1'}
        security:
          - bearer: []
        paths:
          /status:
            get:
              security: []
              responses: {'200': {description: ok}}
          /me:
            get:
              responses: {'200': {description: ok}}
          /cart:
            post:
              security:
                - {}
                - session: []
              responses: {'200': {description: ok}}
          /admin/refunds:
            post:
              security:
                - adminKey: []
              responses: {'201': {description: ok}}
          /admin/export:
            get:
              security:
                - reportKey: []
              parameters:
                - {name: access_token, in: query, schema: {type: string}}
                - {name: page_token, in: query, schema: {type: string}}
                - {name: tokenize, in: query, schema: {type: string}}
              responses: {'200': {description: ok}}
          /account:
            get:
              security:
                - session: []
              responses: {'200': {description: ok}}
          /partners:
            get:
              security:
                - oidc: []
                - mtls: []
                - oauth: ['partners:read']
              responses: {'200': {description: ok}}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer, bearerFormat: JWT}
            session: {type: apiKey, in: cookie, name: bc_session}
            adminKey: {type: apiKey, in: header, name: X-Admin-Key}
            reportKey: {type: apiKey, in: query, name: key}
            oidc: {type: openIdConnect, openIdConnectUrl: 'https://id.example/.well-known/openid-configuration'}
            mtls: {type: mutualTLS}
            oauth:
              type: oauth2
              flows:
                clientCredentials: {tokenUrl: 'https://id.example/token', scopes: {'partners:read': read}}
            neverUsed: {type: http, scheme: basic}
        """;

    [Fact]
    public void Operation_with_empty_security_is_reported_unauthenticated()
    {
        var fact = Assert.Single(Extract(Spec).Facts("unauthenticated-operation"), f => f.Detail == "GET /status");

        Assert.Equal(FactKind.Practice, fact.Kind);
        Assert.Equal(FactState.Present, fact.State);
        Assert.Equal("GET /status security: []", fact.Evidence.Quote);
    }

    [Fact]
    public void Operation_with_an_empty_requirement_among_its_alternatives_is_reported_unauthenticated()
    {
        var fact = Assert.Single(Extract(Spec).Facts("unauthenticated-operation"), f => f.Detail == "POST /cart");

        Assert.Equal("POST /cart security: {}", fact.Evidence.Quote);
    }

    [Fact]
    public void Operation_inheriting_global_security_is_not_reported_unauthenticated()
    {
        Assert.Equal(["GET /status", "POST /cart"], Extract(Spec).Facts("unauthenticated-operation").Select(f => f.Detail));
    }

    [Fact]
    public void Operation_without_security_when_none_is_declared_anywhere_is_reported_unauthenticated()
    {
        const string open = """
            openapi: 3.0.3
            info: {title: open-svc, version: '1'}
            paths:
              /search:
                get:
                  responses: {'200': {description: ok}}
            """;

        var fact = Assert.Single(Extract(open).Facts("unauthenticated-operation"));

        Assert.Equal("GET /search", fact.Detail);
    }

    [Fact]
    public void Each_used_security_scheme_is_stated_as_authentication_with_its_kind()
    {
        var facts = AllFacts(Spec);

        Assert.Equal(
            ["http bearer JWT", "apiKey in cookie bc_session", "apiKey in header X-Admin-Key", "apiKey in query key", "openIdConnect", "mutualTLS", "oauth2"],
            facts.Details("authentication"));
        Assert.All(facts.Facts("authentication"), f => Assert.Equal((FactKind.Control, FactState.Present), (f.Kind, f.State)));
        Assert.Contains(facts.Facts("authentication"), f => f.Evidence.Quote == "adminKey: apiKey in header X-Admin-Key");
    }

    [Fact]
    public void Operation_secured_only_by_a_static_api_key_is_reported_as_shared_api_key()
    {
        var facts = Extract(Spec).Facts("shared-api-key");

        Assert.Equal(["POST /admin/refunds", "GET /admin/export"], facts.Select(f => f.Detail));
        Assert.Equal("POST /admin/refunds security: adminKey (apiKey in header X-Admin-Key)", facts[0].Evidence.Quote);
    }

    [Fact]
    public void Session_cookie_is_not_a_shared_api_key()
    {
        Assert.DoesNotContain(Extract(Spec).Facts("shared-api-key"), f => f.Detail is "GET /account" or "POST /cart");
    }

    [Fact]
    public void Api_key_in_query_and_token_query_parameters_are_reported_as_credentials_in_url()
    {
        var facts = Extract(Spec).Facts("credential-in-url");

        Assert.Equal(["apiKey in query key", "GET /admin/export access_token"], facts.Select(f => f.Detail));
        Assert.All(facts, f => Assert.Equal(FactKind.Practice, f.Kind));
    }

    [Fact]
    public void Security_schemes_that_are_defined_but_never_required_are_not_stated()
    {
        var model = Extract(SampleSpecs.Shop30Yaml);

        Assert.Equal(["http bearer JWT"], model.Details("authentication"));
        Assert.Empty(model.Facts("credential-in-url"));
    }

    [Fact]
    public void Requirement_naming_an_undefined_scheme_is_read_without_failing()
    {
        const string spec = """
            openapi: 3.0.3
            info: {title: typo-svc, version: '1'}
            paths:
              /things:
                get:
                  security:
                    - bearerr: []
                  responses: {'200': {description: ok}}
            """;

        var model = Extract(spec);

        Assert.Empty(model.Facts("unauthenticated-operation"));
        Assert.Empty(model.Facts("shared-api-key"));
    }
}
