using Vigil.ThreatModel.Analysis;
using Vigil.ThreatModel.Findings;
using Vigil.ThreatModel.Model;

namespace Vigil.ThreatModel.Tests.Export;

/// <summary>
/// A small payments design built by hand: a buyer on the internet, payments-svc and postgres in the cloud,
/// PayNova posting webhooks over cleartext HTTP; three findings with evidence and compliance; one attack path.
/// </summary>
internal static class PaymentsDesign
{
    public const string WebhookFlow = "paynova->payments-svc";

    public static AnalysisResult Analysis() => new(Model(), [Webhook(), CardData(), RefundAudit()], [CardDataPath()]);

    public static SystemModel Model() => new(
        "Brightcart payments",
        3,
        [
            new Element("buyer", "buyer", ElementKind.Actor, [], [], BoundaryKind.Internet, [Said("thread.json#1", "the buyer checks out on the React page")]),
            new Element("payments-svc", "payments-svc", ElementKind.Service, ["pay-svc"], ["django"], BoundaryKind.CloudNetwork, [Said("thread.json#1", "payments-svc")]),
            new Element("paynova", "PayNova", ElementKind.ExternalService, [], [], BoundaryKind.ThirdParty, [Said("thread.json#2", "PayNova hosted payment page")]),
            new Element("postgres", "postgres", ElementKind.DataStore, ["payments db"], ["postgres"], BoundaryKind.CloudNetwork, [Said("design.md#L12", "card on file lives in Postgres (RDS)")]),
        ],
        [
            new DataFlow("buyer->payments-svc", "buyer", "payments-svc", "HTTPS", ["card data"], "session", true, [Said("thread.json#1", "checkout page calls POST /api/checkout/sessions")]),
            new DataFlow(WebhookFlow, "paynova", "payments-svc", "HTTP", ["payment events"], "none", false, [Said("thread.json#3", "webhooks come in over plain http for now")]),
            new DataFlow("payments-svc->postgres", "payments-svc", "postgres", "postgres", ["card data", "pii"], null, null, [Said("design.md#L12", "card on file lives in Postgres (RDS)")]),
        ],
        [
            new TrustBoundary("internet", "Internet", BoundaryKind.Internet, ["buyer"]),
            new TrustBoundary("cloudnetwork", "Cloud network", BoundaryKind.CloudNetwork, ["payments-svc", "postgres"]),
            new TrustBoundary("thirdparty", "Third party", BoundaryKind.ThirdParty, ["paynova"]),
        ],
        [
            new DataAsset("card data", Classification.Restricted, ["payment-card"], ["postgres"], [Said("design.md#L12", "card on file")]),
            new DataAsset("pii", Classification.Confidential, ["pii"], ["postgres"], [Said("thread.json#5", "name, email, address")]),
        ],
        [
            new Fact("authentication", FactKind.Control, FactState.Absent, WebhookFlow, Said("thread.json#3", "no signature check yet")),
            new Fact("tls", FactKind.Control, FactState.Planned, WebhookFlow, Said("thread.json#3", "TODO: TLS"), "todo"),
        ]);

    public static Finding Webhook() => new(
        "F-3c1a9e",
        "webhook-unauthenticated",
        "PayNova webhook is accepted without proof it came from PayNova",
        "Anyone who can reach /webhooks/paynova can post a payment.succeeded event and mark an order paid.",
        [Stride.Spoofing, Stride.Tampering],
        Severity.Critical,
        9.3,
        "PayNova → payments-svc",
        WebhookFlow,
        [345, 319],
        [148],
        ["Verify the PayNova-Signature HMAC over the raw body", "Serve the webhook over HTTPS only"],
        [
            Said("thread.json#3", "webhooks come in over plain http for now, no signature check yet"),
            Said("openapi.yaml", "POST /webhooks/paynova has security: []"),
        ],
        new ComplianceMapping(["SC-8", "SI-10"], ["4.2.1", "6.2.4"], ["8.24"]),
        "Internet-reachable, unauthenticated, and it moves money.");

    public static Finding CardData() => new(
        "F-7b20d4",
        "card-data-unencrypted-at-rest",
        "Card numbers are stored in postgres without encryption at rest",
        "The orders table keeps the PAN in clear; a database snapshot or read replica leaks every card.",
        [Stride.InformationDisclosure],
        Severity.High,
        7.6,
        "postgres",
        "postgres",
        [311],
        [],
        ["Tokenise cards with PayNova and keep only the token", "Enable storage encryption with a KMS key"],
        [Said("design.md#L12", "we keep the PAN in the orders table")],
        new ComplianceMapping(["SC-28"], ["3.5.1"], ["8.24"]),
        "Restricted data in a store reachable from an internet-facing service.");

    public static Finding RefundAudit() => new(
        "F-91e0c2",
        "refund-not-audited",
        "Refunds are not audit-logged",
        "Refunds issued through Retool leave no record of who issued them.",
        [Stride.Repudiation],
        Severity.Low,
        2.4,
        "payments-svc",
        "payments-svc",
        [778],
        [],
        ["Write an audit record (who, when, amount) for every refund"],
        [Said("thread.json#7", "refunds go through Retool, we don't log who did them")],
        new ComplianceMapping(["AU-2", "AU-12"], ["10.2.1"], ["8.15"]),
        "Internal tool with few users; the impact is on accountability, not money.",
        FindingStatus.Accepted);

    public static AttackPath CardDataPath() => new(
        "buyer",
        "postgres",
        ["buyer", "payments-svc", "postgres"],
        ["no rate limiting on checkout", "payments-svc → postgres not stated encrypted"],
        "card data");

    public static Evidence Said(string source, string quote) => new(source, quote);
}
