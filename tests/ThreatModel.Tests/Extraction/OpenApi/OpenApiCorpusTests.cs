using Vigil.ThreatModel.Model;
using Xunit;
using static Vigil.ThreatModel.Tests.Extraction.OpenApi.OpenApiTestSupport;

namespace Vigil.ThreatModel.Tests.Extraction.OpenApi;

/// <summary>The specs attached to the shared corpus threads, read as the analyzer reads them.</summary>
public sealed class OpenApiCorpusTests
{
    private static readonly string Payments = CorpusFiles.Read("01-payments-webhook", "openapi.yaml");
    private static readonly string SsoAdmin = CorpusFiles.Read("02-sso-oidc-admin-api", "openapi.yaml");
    private static readonly string MobileBff = CorpusFiles.Read("06-mobile-jwt-backend", "openapi.yaml");

    [Fact]
    public void Payments_order_lookup_is_unauthenticated_and_addressed_by_a_sequential_id()
    {
        var model = Extract(Payments);

        Assert.Equal("payments-svc", Assert.Single(model.Elements).Name);
        Assert.Contains(model.Facts("unauthenticated-operation"), f => f.Detail == "GET /api/orders/{id}");
        Assert.Contains(model.Facts("sequential-id"), f => f.Detail == "GET /api/orders/{id}");
    }

    [Fact]
    public void Payments_refunds_are_an_admin_interface_behind_a_shared_api_key()
    {
        var model = Extract(Payments);

        Assert.Equal("POST /admin/refunds", Assert.Single(model.Facts("admin-interface")).Detail);
        Assert.Equal("POST /admin/refunds", Assert.Single(model.Facts("shared-api-key")).Detail);
    }

    [Fact]
    public void Payments_card_number_is_restricted_payment_card_data_but_brand_and_last4_are_not()
    {
        var model = Extract(Payments, "openapi.yaml");

        var card = model.Data("card_number");
        Assert.Equal(Classification.Restricted, card.Classification);
        Assert.Equal(["payment-card"], card.Tags);
        Assert.Contains(new Evidence("openapi.yaml", "CardInput.card_number"), card.Evidence);
        Assert.DoesNotContain(model.Data, d => d.Name is "card_brand" or "card_last4" or "last4" or "brand" or "card");
    }

    [Fact]
    public void Payments_checkout_with_optional_auth_and_the_paynova_webhook_are_read_as_such()
    {
        var model = Extract(Payments);
        var facts = AllFacts(Payments);

        Assert.Contains(model.Facts("unauthenticated-operation"), f => f.Detail == "POST /api/checkout/sessions");
        Assert.Equal(["POST /webhooks/paynova"], facts.Details("webhook-receiver"));
        Assert.Equal(FactState.Present, Assert.Single(model.Facts("tls")).State);
        Assert.Empty(model.Facts("cleartext-transport"));
        Assert.Equal(6, facts.Facts("api-operation").Count);
    }

    [Fact]
    public void Sso_admin_api_uses_a_bearer_token_and_takes_the_oidc_issuer_url_from_the_caller()
    {
        var model = Extract(SsoAdmin);

        Assert.Equal("http bearer", Assert.Single(model.Facts("authentication")).Detail);
        Assert.Empty(model.Facts("unauthenticated-operation"));
        Assert.Contains(model.Facts("user-supplied-url"), f => f.Detail == "PUT /sso issuer");
        Assert.Contains(model.Facts("sequential-id"), f => f.Detail == "GET /users/{userId}");
        Assert.Equal(Classification.Restricted, model.Data("client_secret").Classification);
        Assert.Contains("credentials", model.Data("client_secret").Tags);
        Assert.Equal(Classification.Confidential, model.Data("name").Classification);
    }

    [Fact]
    public void Mobile_bff_auth_endpoints_are_open_while_profiles_are_behind_a_jwt_and_hold_health_data()
    {
        var model = Extract(MobileBff);
        var facts = AllFacts(MobileBff);

        Assert.Equal("mobile-bff", Assert.Single(model.Elements).Name);
        Assert.Equal("http bearer JWT", Assert.Single(model.Facts("authentication")).Detail);
        Assert.Equal(
            ["POST /v1/auth/login", "POST /v1/auth/reset/request", "POST /v1/auth/reset/confirm", "POST /v1/auth/magic-link"],
            model.Details("unauthenticated-operation"));
        Assert.Contains(model.Facts("sequential-id"), f => f.Detail == "GET /v1/users/{id}");
        Assert.Equal(["GET /v1/admin/flags", "PUT /v1/admin/flags", "POST /v1/admin/push-campaigns"], facts.Details("admin-interface"));
        Assert.Equal((Classification.Restricted, "health"), (model.Data("weight_kg").Classification, model.Data("weight_kg").Tags[0]));
        Assert.Equal(Classification.Confidential, model.Data("birthday").Classification);
        Assert.Equal(Classification.Restricted, model.Data("password").Classification);
        Assert.Equal(Classification.Restricted, model.Data("access_token").Classification);
        Assert.DoesNotContain(model.Data, d => d.Name is "token_type" or "expires_in");
    }
}
