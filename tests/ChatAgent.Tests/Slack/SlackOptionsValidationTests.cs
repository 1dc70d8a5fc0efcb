using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.ChatAgent.Slack;

namespace Vigil.ChatAgent.Tests.Slack;

/// <summary>Slack settings that would leak the token or weaken the replay check are refused at start, naming the key.</summary>
public sealed class SlackOptionsValidationTests
{
    private static SlackOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Slack:BotToken"] = "xoxb-test",
                ["Slack:SigningSecret"] = "secret",
            })
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddSlack(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SlackOptions>>().Value;
    }

    [Theory]
    [InlineData("http://slack.example.com/api/")]
    [InlineData("http://10.0.0.5/api/")]
    public void A_plain_http_api_url_off_this_machine_is_refused(string url)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(("Slack:ApiBaseUrl", url)));

        Assert.Contains("Slack:ApiBaseUrl must use https", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://slack.com/api/")]
    [InlineData("http://127.0.0.1:5123/api/")]
    [InlineData("http://[::1]:5123/api/")]
    [InlineData("http://localhost:5123/api/")]
    public void Https_or_a_local_stand_in_is_accepted(string url) =>
        Assert.Equal(new Uri(url), Bind(("Slack:ApiBaseUrl", url)).ApiBaseUrl);

    [Theory]
    [InlineData("00:00:29")]
    [InlineData("00:05:01")]
    [InlineData("01:00:00")]
    public void A_signature_window_outside_30_seconds_to_5_minutes_is_refused(string window)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(("Slack:SignatureWindow", window)));

        Assert.Contains("Slack:SignatureWindow", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:30")]
    [InlineData("00:05:00")]
    public void The_signature_window_bounds_themselves_are_accepted(string window) =>
        Assert.Equal(TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture), Bind(("Slack:SignatureWindow", window)).SignatureWindow);
}
