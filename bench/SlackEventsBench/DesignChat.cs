using System.Text;

namespace Vigil.Bench;

/// <summary>
/// Design-chat text of varying length, as engineers write it in a channel: services, queues, databases, tokens,
/// from a one-line "+1 on that" to several sentences of a proposal. Seeded, so every run sends the same messages.
/// </summary>
internal sealed class DesignChat(int seed)
{
    private static readonly string[] Services = ["orders-svc", "billing-api", "auth-gateway", "loyalty-svc", "payments-svc", "search-indexer", "notification-worker", "admin console", "ledger service", "thumbnail lambda"];
    private static readonly string[] Queues = ["the orders.v1 topic on kafka", "an SQS queue", "a RabbitMQ exchange", "the events bus", "a redis stream", "the dead-letter queue"];
    private static readonly string[] Stores = ["postgres", "the shared MySQL cluster", "DynamoDB", "an S3 bucket", "redis", "the reporting warehouse", "elasticsearch"];
    private static readonly string[] Secrets = ["a JWT signed with HS256", "an API key in an env var", "OAuth client credentials", "a long-lived service account token", "mTLS client certs", "short-lived STS credentials"];
    private static readonly string[] Data = ["card numbers", "customer emails", "dates of birth", "session cookies", "audit logs", "order history", "password reset links"];

    private static readonly Func<Random, string>[] Sentences =
    [
        r => $"{Pick(r, Services)} publishes every change to {Pick(r, Queues)} and {Pick(r, Services)} consumes it",
        r => $"we keep {Pick(r, Data)} in {Pick(r, Stores)}, encrypted at rest with KMS",
        r => $"{Pick(r, Services)} authenticates to {Pick(r, Services)} with {Pick(r, Secrets)}",
        r => $"the {Pick(r, Services)} is internet-facing behind the shared ingress and TLS ends at the load balancer",
        r => $"{Pick(r, Services)} calls {Pick(r, Stores)} directly for now, a proper read API is on the roadmap",
        r => $"tokens expire after {r.Next(5, 90)} minutes and refresh tokens are rotated on use",
        r => $"retries go to {Pick(r, Queues)} with exponential backoff, max {r.Next(3, 10)} attempts",
        r => $"is {Pick(r, Data)} ever written to the logs of {Pick(r, Services)}?",
        r => $"the admin endpoints of {Pick(r, Services)} have no MFA yet, there is a ticket for next quarter",
        r => $"{Pick(r, Services)} stores uploads in {Pick(r, Stores)} and hands out presigned URLs valid for {r.Next(1, 24)} hours",
        r => $"webhooks from the payment provider are verified with an HMAC over the raw body before they reach {Pick(r, Queues)}",
        r => $"backups of {Pick(r, Stores)} are copied nightly to another account with object lock",
        r => "+1, let's do that",
        r => "agreed, ship it behind a feature flag first",
    ];

    private readonly Random random = new(seed);

    public string Message()
    {
        // Mostly one to three sentences, sometimes a long proposal.
        var count = random.Next(10) switch { < 4 => 1, < 7 => 2, < 9 => 3, _ => random.Next(5, 12) };
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var sentence = Sentences[random.Next(Sentences.Length)](random);
            text.Append(char.ToUpperInvariant(sentence[0])).Append(sentence.AsSpan(1)).Append(sentence.EndsWith('?') ? " " : ". ");
        }

        return text.ToString().TrimEnd();
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
