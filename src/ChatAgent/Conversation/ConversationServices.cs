using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.ChatAgent.Conversation.Diagrams;
using Vigil.ChatAgent.Conversation.Digest;
using Vigil.ChatAgent.Conversation.Findings;
using Vigil.ChatAgent.Conversation.Inbox;
using Vigil.ChatAgent.Conversation.Risk;
using Vigil.ChatAgent.Conversation.State;
using Vigil.ChatAgent.Conversation.Summaries;
using Vigil.ChatAgent.Conversation.Tuning;
using Vigil.Ingestion;

namespace Vigil.ChatAgent.Conversation;

public static class ConversationServices
{
    /// <summary>
    /// The platform-neutral conversation core: its state under <c>Vigil:DataDir</c>, the inbox and its worker, the
    /// assistant, living summaries and digests. Adapters (Slack, Teams) add an <see cref="IConversationChannel"/>.
    /// </summary>
    public static IServiceCollection AddConversation(this IServiceCollection services, IConfiguration configuration)
    {
        var dataDir = DataFolder.Of(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ConversationDatabase(Path.Combine(dataDir, "conversation.db")));
        services.TryAddSingleton(sp => new FindingLedger(Path.Combine(dataDir, "findings.db"), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<FindingDecisions>();
        services.TryAddSingleton<ConversationInbox>();
        services.TryAddSingleton<ChannelSettings>();
        services.TryAddSingleton<ThreadPlaces>();
        services.TryAddSingleton<SentReplies>();
        services.TryAddSingleton<SummaryStore>();
        services.TryAddSingleton<RuleTuning>();
        services.TryAddSingleton<RiskReader>();
        services.TryAddSingleton<VisibleThreads>();
        services.TryAddSingleton<DiagramRenderer>();
        services.TryAddSingleton<Assistant.Reports>();
        services.TryAddSingleton<Assistant.CommandActions>();
        services.TryAddSingleton<Assistant.Assistant>();
        services.TryAddSingleton<Overview>();
        services.TryAddSingleton<DesignIntake>();
        services.TryAddSingleton<DecisionFromButton>();
        services.TryAddSingleton<ConversationHandler>();
        services.TryAddSingleton<ConversationWorker>();
        services.TryAddSingleton<LivingSummaries>();
        services.AddOptions<SummaryOptions>().Bind(configuration.GetSection(SummaryOptions.Section))
            .Validate(o => o.QuietPeriod >= TimeSpan.Zero && o.MinPostInterval >= TimeSpan.Zero && o.PollInterval > TimeSpan.Zero,
                "Summaries:QuietPeriod and Summaries:MinPostInterval must not be negative, Summaries:PollInterval must be positive.")
            .ValidateOnStart();
        services.AddOptions<TuningOptions>().Bind(configuration.GetSection(TuningOptions.Section));
        services.AddDigests(configuration);
        return services;
    }

    /// <summary>The inbox worker and the living-summary notifier, in the background of the host.</summary>
    public static IServiceCollection AddConversationWorkers(this IServiceCollection services)
    {
        services.AddHostedService(sp => sp.GetRequiredService<ConversationWorker>());
        services.AddHostedService(sp => sp.GetRequiredService<LivingSummaries>());
        return services;
    }
}
