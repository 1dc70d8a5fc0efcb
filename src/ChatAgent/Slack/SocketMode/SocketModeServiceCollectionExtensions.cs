using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Vigil.ChatAgent.Slack.SocketMode;

public static class SocketModeServiceCollectionExtensions
{
    /// <summary>
    /// Runs <see cref="SlackSocketMode"/> with the host. It needs <see cref="SlackOptions"/> bound and an
    /// <see cref="ISlackInbound"/> registered; without <c>Slack:AppToken</c> it logs that it is off and does nothing.
    /// </summary>
    public static IServiceCollection AddSlackSocketMode(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>();
        services.AddHttpClient(SlackSocketMode.HttpClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<SlackSocketMode>();
        return services;
    }
}
