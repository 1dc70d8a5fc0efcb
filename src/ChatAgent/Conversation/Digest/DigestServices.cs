using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Vigil.ChatAgent.Conversation.Digest;

public static class DigestServices
{
    /// <summary>
    /// The digest (<see cref="DigestService"/>, also for <c>/threat digest</c>) and its weekly schedule, configured by
    /// the <c>Digest</c> section and validated at start. Needs <c>AddIngestion</c> (the model history) and the
    /// <see cref="Findings.FindingLedger"/>; posts through every registered <see cref="IConversationChannel"/>.
    /// </summary>
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DigestService>();
        services.TryAddSingleton<DigestScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestScheduler>());
        return services;
    }
}
