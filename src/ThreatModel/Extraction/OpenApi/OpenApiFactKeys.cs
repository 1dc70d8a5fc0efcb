namespace Vigil.ThreatModel.Extraction.OpenApi;

/// <summary>The fact keys this extractor states; rules in the catalogue refer to them.</summary>
public static class OpenApiFactKeys
{
    public const string ApiOperation = "api-operation";
    public const string Authentication = "authentication";
    public const string UnauthenticatedOperation = "unauthenticated-operation";
    public const string SharedApiKey = "shared-api-key";
    public const string CredentialInUrl = "credential-in-url";
    public const string CleartextTransport = "cleartext-transport";
    public const string Tls = "tls";
    public const string AdminInterface = "admin-interface";
    public const string FileUpload = "file-upload";
    public const string WebhookReceiver = "webhook-receiver";
    public const string OutboundWebhook = "outbound-webhook";
    public const string SequentialId = "sequential-id";
    public const string UserSuppliedUrl = "user-supplied-url";
    public const string RateLimiting = "rate-limiting";
}
