using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Vigil.ChatAgent.Conversation;
using Vigil.ChatAgent.Slack.Api;
using Vigil.ChatAgent.Slack.Http;
using Vigil.ChatAgent.Slack.Inbound;
using Vigil.ChatAgent.Slack.SocketMode;

namespace Vigil.ChatAgent.Slack;

public static class SlackServices
{
    private static readonly TimeSpan MinSignatureWindow = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxSignatureWindow = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The Slack adapter, when <c>Slack:BotToken</c> is set: the Web API client, the endpoints' inbound side and
    /// Socket Mode when <c>Slack:AppToken</c> is set too. Without a bot token Slack is simply off.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section)).ValidateDataAnnotations()
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.SigningSecret) || !string.IsNullOrWhiteSpace(o.AppToken),
                "Slack:BotToken is set, but neither Slack:SigningSecret (events over HTTP) nor Slack:AppToken (Socket Mode) is: Vigil would hear nothing.")
            .Validate(o => string.IsNullOrWhiteSpace(o.AppToken) || o.AppToken.StartsWith("xapp-", StringComparison.Ordinal),
                "Slack:AppToken must be an app-level token (xapp-…) with the connections:write scope.")
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri && o.ApiBaseUrl.AbsolutePath.EndsWith('/'),
                "Slack:ApiBaseUrl must be an absolute URL ending with '/', like https://slack.com/api/.")
            // The bot token travels with every call; plain HTTP is only for a stand-in on this machine.
            .Validate(o => !o.ApiBaseUrl.IsAbsoluteUri || o.ApiBaseUrl.Scheme == Uri.UriSchemeHttps || o.ApiBaseUrl.IsLoopback,
                "Slack:ApiBaseUrl must use https (plain http is accepted only for 127.0.0.1, ::1 or localhost), because the bot token is sent with every call.")
            .Validate(o => o.SignatureWindow >= MinSignatureWindow && o.SignatureWindow <= MaxSignatureWindow,
                "Slack:SignatureWindow must be between 00:00:30 and 00:05:00: shorter refuses genuine requests from a slightly skewed clock, longer lets a captured request be replayed (Slack's own limit is 5 minutes).")
            .ValidateOnStart();
        if (string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.Section}:BotToken"]))
        {
            return services;
        }

        services.AddSlackApi();
        services.TryAddSingleton<SlackConversations>();
        services.AddSingleton<IConversationChannel>(sp => sp.GetRequiredService<SlackConversations>());
        services.AddSingleton<IConversationSource>(sp => sp.GetRequiredService<SlackConversations>());
        services.TryAddSingleton<SlackInteractions>();
        services.TryAddSingleton<ISlackInbound, SlackInbound>();
        services.TryAddSingleton<SlackRequestReader>();
        if (!string.IsNullOrWhiteSpace(configuration[$"{SlackOptions.Section}:AppToken"]))
        {
            services.AddSlackSocketMode();
        }

        return services;
    }

    /// <summary>
    /// Slack's Request URLs, when the adapter is on and <c>Slack:SigningSecret</c> is set. A Socket-Mode-only install
    /// has no secret to check requests with, so it exposes no endpoint at all rather than ones that refuse everything.
    /// </summary>
    public static WebApplication MapSlackWhenEnabled(this WebApplication app)
    {
        if (app.Services.GetService<ISlackInbound>() is not null
            && !string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret))
        {
            app.MapSlack();
        }

        return app;
    }
}
