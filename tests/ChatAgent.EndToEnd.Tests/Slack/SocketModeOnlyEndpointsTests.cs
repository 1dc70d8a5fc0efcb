using System.Net;
using Vigil.ChatAgent.EndToEnd.Tests.Fakes;
using Vigil.ChatAgent.EndToEnd.Tests.Host;

namespace Vigil.ChatAgent.EndToEnd.Tests.Slack;

/// <summary>An install that hears Slack over Socket Mode only has no signing secret, and so no Slack endpoint to attack.</summary>
public sealed class SocketModeOnlyEndpointsTests : IAsyncLifetime
{
    private VigilUnderTest vigil = null!;

    public async ValueTask InitializeAsync() =>
        vigil = await VigilUnderTest.StartAsync($"--Slack:AppToken={FakeSlackServer.AppToken}", "--Slack:SigningSecret=");

    public ValueTask DisposeAsync() => vigil.DisposeAsync();

    [Theory]
    [InlineData("/slack/events")]
    [InlineData("/slack/commands")]
    [InlineData("/slack/interactions")]
    public async Task Slack_request_urls_do_not_exist_without_a_signing_secret(string path)
    {
        using var response = await vigil.Http.PostAsync(path, new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
