namespace Vigil.ThreatModel.Model;

public enum FactKind
{
    /// <summary>A security control (authentication, TLS, rate limiting, …).</summary>
    Control,

    /// <summary>How the element is deployed (publicly exposed, admin interface, shared tenancy, …).</summary>
    Deployment,

    /// <summary>A design practice a security engineer would flag (secret in repo, shell interpolation, …).</summary>
    Practice,
}
