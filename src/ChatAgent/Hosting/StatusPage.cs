namespace Vigil.ChatAgent.Hosting;

/// <summary>What the host shows at <c>/</c> until the web playground lands: what runs and how to use it.</summary>
internal static class StatusPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Vigil</title></head>
        <body>
        <h1>Vigil is running</h1>
        <p>Health: <a href="/healthz">/healthz</a>.</p>
        <p>Analyze a design from the command line:
        <code>dotnet run --project src/ChatAgent -- analyze path/to/thread.json --format md</code></p>
        </body></html>
        """;
}
