using Vigil.ThreatModel.Extraction.Text;
using Vigil.ThreatModel.Knowledge;
using Vigil.ThreatModel.Model;
using FactAttribute = Xunit.FactAttribute;
using Vigil.ThreatModel.Sources;

namespace Vigil.ThreatModel.Tests.Extraction.Text;

using Model = Vigil.ThreatModel.Model;

public sealed class TextExtractorTests
{
    private static SystemModel Read(params string[] messages) => ThreadReader.Read(messages);

    private static Model.Fact? FactOf(SystemModel model, string key) => ThreadReader.FactOf(model, key);

    [Fact]
    public void Different_spellings_of_one_service_become_one_element_with_aliases()
    {
        var model = Read("the payments-svc owns checkout", "payments svc calls Stripe", "the payment service stores cards in postgres", "pay-svc is on ECS");

        var payments = Assert.Single(model.Elements, e => e.Kind == ElementKind.Service);
        Assert.Equal("payments-svc", payments.Name);
        Assert.Contains(payments.Aliases, a => a.Equals("pay-svc", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("pay-svc", payments.Id);
        Assert.Contains("paas", payments.Technologies);
    }

    [Fact]
    public void Technologies_become_elements_of_the_right_kind()
    {
        var model = Read("orders-api writes to Postgres on RDS and publishes to Kafka");

        Assert.Contains(model.Elements, e => e.Id == "postgres" && e.Kind == ElementKind.DataStore);
        Assert.Contains(model.Elements, e => e.Id == "kafka" && e.Kind == ElementKind.Queue);
        Assert.Contains(model.Flows, f => f.Source == "order-api" && f.Target == "postgres");
    }

    [Fact]
    public void Arrow_chains_become_flows_in_order()
    {
        var model = Read("widget → support-bot (FastAPI) → Azure OpenAI gpt-4o");

        Assert.Contains(model.Flows, f => f.Source == "web-client" && f.Target == "support-bot");
        Assert.Contains(model.Flows, f => f.Source == "support-bot" && f.Target == "azure-openai-gpt-4o");
    }

    [Theory]
    [InlineData("no auth on the reports-api for now")]
    [InlineData("reports-api has no authentication yet")]
    [InlineData("reports-api: auth is disabled")]
    public void Negated_control_is_stated_absent(string sentence)
    {
        var model = Read(sentence);

        Assert.Equal(FactState.Absent, FactOf(model, "authentication")?.State);
    }

    [Fact]
    public void Deferred_control_is_planned_not_present()
    {
        var model = Read("keys live in appsettings for now, ticket to move them into Secrets Manager is open");

        Assert.Equal(FactState.Planned, FactOf(model, "secrets-management")?.State);
    }

    [Fact]
    public void Control_stated_present_is_present_with_its_evidence()
    {
        var model = Read("billing-api only listens on 443 with TLS 1.2+");

        var tls = FactOf(model, "tls");
        Assert.Equal(FactState.Present, tls?.State);
        Assert.Equal("thread.json#1", tls!.Evidence.Source);
        Assert.Contains("TLS 1.2+", tls.Evidence.Quote, StringComparison.Ordinal);
        Assert.Equal("billing-api", tls.Subject);
    }

    [Fact]
    public void Disabled_cleartext_listener_is_not_reported_as_cleartext()
    {
        var model = Read("brokers accept TLS on 9096, the plaintext listener is disabled");

        Assert.Equal(FactState.Absent, FactOf(model, "cleartext-transport")?.State);
        Assert.Equal(FactState.Present, FactOf(model, "tls")?.State);
    }

    [Fact]
    public void Later_message_overrides_an_earlier_decision()
    {
        var model = Read("ledger-api has no rate limiting", "update: ledger-api now has rate limiting at the gateway");

        Assert.Equal(FactState.Present, FactOf(model, "rate-limiting")?.State);
    }

    [Fact]
    public void Internet_exposure_is_attributed_to_the_component_named()
    {
        var model = Read("ops-dashboard goes on the internet-facing ingress");

        Assert.Contains(model.Facts, f => f.Key == "publicly-exposed" && f.IsPresent && f.Subject == "ops-dashboard");
    }

    [Fact]
    public void Sensitive_data_gets_its_classification_and_holder()
    {
        var model = Read("we keep the full card number in postgres because the billing cron reads it");

        var card = Assert.Single(model.Data, d => d.Tags.Contains("payment-card") && d.Classification == Classification.Restricted);
        Assert.Contains("postgres", card.HeldBy);
    }

    [Fact]
    public void Endpoint_paths_are_kept_as_the_detail_of_a_statement()
    {
        var model = Read("orders-api serves the dashboard", "`/metrics` has no auth");

        var fact = FactOf(model, "authentication");
        Assert.Equal(FactState.Absent, fact?.State);
        Assert.Equal("/metrics", fact!.Detail);
        Assert.Equal("order-api", fact.Subject);
    }

    [Fact]
    public void Hard_wrapped_document_line_keeps_its_negation()
    {
        var model = Read("orders-api serves the confirmation page. Guest checkout exists, so this endpoint does not\nrequire a session.");

        Assert.Equal(FactState.Absent, FactOf(model, "authentication")?.State);
    }

    [Fact]
    public void List_items_stay_separate_sentences()
    {
        var model = Read("plan:\n- billing-api has no rate limiting\n- billing-api requires a login");

        Assert.Equal(FactState.Absent, model.Facts.First(f => f.Key == "rate-limiting").State);
        Assert.Equal(FactState.Present, FactOf(model, "authentication")?.State);
    }
}
