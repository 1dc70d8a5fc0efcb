using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Vigil.ChatAgent.Slack.Http;

namespace Vigil.Bench;

/// <summary>
/// Sends signed events at a fixed rate whatever the answers do (an open loop, as Slack delivers): request i is due
/// at start + i/rate on a Stopwatch schedule, is sent then even if earlier ones are still waiting, and its latency
/// counts from when it was due. A slow server therefore shows up as latency instead of as a lower send rate
/// (no coordinated omission).
/// </summary>
internal sealed class OpenLoop(HttpClient http, string signingSecret, TimeProvider time)
{
    public async Task<LoopResult> RunAsync(IReadOnlyList<byte[]> bodies, int rate, CancellationToken cancellationToken)
    {
        var result = new LoopResult(bodies.Count);
        var sends = new Task[bodies.Count];
        var ticksPerEvent = (double)Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        // A thread of its own keeps the schedule: the thread pool may be busy (in process it is the host's too).
        var scheduler = new Thread(() =>
        {
            for (var i = 0; i < bodies.Count; i++)
            {
                var due = start + (long)(i * ticksPerEvent);
                while (Stopwatch.GetTimestamp() < due)
                {
                    Thread.Sleep(1);
                }

                sends[i] = SendAsync(i, bodies[i], due, result, cancellationToken);
            }
        }) { IsBackground = true, Name = "open-loop scheduler" };
        scheduler.Start();
        await Task.Run(scheduler.Join, cancellationToken);
        result.SendWindow = Stopwatch.GetElapsedTime(start);
        await Task.WhenAll(sends);
        return result;
    }

    private async Task SendAsync(int i, byte[] body, long due, LoopResult result, CancellationToken cancellationToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "slack/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Compute(signingSecret, timestamp, body));
        result.SendLagTicks[i] = Stopwatch.GetTimestamp() - due;
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            result.Status[i] = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            result.Status[i] = 0;
            result.Errors.Enqueue(e.GetType().Name + ": " + e.Message);
        }

        result.LatencyTicks[i] = Stopwatch.GetTimestamp() - due;
    }
}
