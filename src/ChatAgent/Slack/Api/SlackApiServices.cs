using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Vigil.ChatAgent.Slack.Api;

public static class SlackApiServices
{
    /// <summary>
    /// Registers <see cref="SlackApi"/> as a singleton (it holds the caches and per-channel pacing). Binding and
    /// validating <see cref="SlackOptions"/> is the Slack adapter's job; this only needs them to exist.
    /// </summary>
    public static IServiceCollection AddSlackApi(this IServiceCollection services)
    {
        services.AddOptions<SlackOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SlackApi.HttpClientName)
            // Redirects are followed by hand so each hop is checked before the token goes along.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            // The factory's default logging writes full request URLs, and a response_url is itself a credential.
            .RemoveAllLoggers();
        services.TryAddSingleton<SlackApi>();
        return services;
    }
}
