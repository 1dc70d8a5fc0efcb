using Vigil.ThreatModel.Model;
using Xunit;
using static Vigil.ThreatModel.Tests.Extraction.OpenApi.OpenApiTestSupport;

namespace Vigil.ThreatModel.Tests.Extraction.OpenApi;

public sealed class OpenApiTransportFactsTests
{
    private static string WithServers(params string[] urls) =>
        "openapi: 3.0.3\ninfo: {title: edge-svc, version: '1'}\nservers:\n"
        + string.Concat(urls.Select(url => $"  - url: {url}\n"))
        + "paths: {}\n";

    [Fact]
    public void Http_server_is_reported_as_cleartext_transport_and_tls_absent()
    {
        var model = Extract(WithServers("https://api.example.com", "http://api.example.com"), "edge.yaml");

        var cleartext = Assert.Single(model.Facts("cleartext-transport"));
        Assert.Equal((FactKind.Practice, FactState.Present), (cleartext.Kind, cleartext.State));
        Assert.Equal("http://api.example.com", cleartext.Detail);
        Assert.Equal(new Evidence("edge.yaml", "url: http://api.example.com"), cleartext.Evidence);
        var tls = Assert.Single(model.Facts("tls"));
        Assert.Equal((FactKind.Control, FactState.Absent), (tls.Kind, tls.State));
    }

    [Fact]
    public void Every_non_local_http_server_is_its_own_cleartext_transport_fact()
    {
        var model = Extract(WithServers("http://api.example.com", "http://staging.example.com"));

        Assert.Equal(["http://api.example.com", "http://staging.example.com"], model.Facts("cleartext-transport").Select(f => f.Detail));
    }

    [Fact]
    public void Localhost_http_servers_are_not_cleartext_transport()
    {
        var model = Extract(WithServers("https://api.example.com", "http://localhost:8080", "http://127.0.0.1:5080"));

        Assert.Empty(model.Facts("cleartext-transport"));
        Assert.Equal(FactState.Present, Assert.Single(model.Facts("tls")).State);
    }

    [Fact]
    public void All_https_servers_state_tls_present()
    {
        var tls = Assert.Single(Extract(WithServers("https://api.example.com", "https://{region}.example.com")).Facts("tls"));

        Assert.Equal((FactKind.Control, FactState.Present), (tls.Kind, tls.State));
        Assert.Equal("url: https://api.example.com", tls.Evidence.Quote);
    }

    [Fact]
    public void Spec_without_servers_states_nothing_about_transport()
    {
        var model = Extract("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n");

        Assert.Empty(model.Facts("tls"));
        Assert.Empty(model.Facts("cleartext-transport"));
    }
}
