using System.ComponentModel;
using Vigil.Ingestion.Decoding;
using Vigil.ThreatModel.Export;
using Vigil.ThreatModel.Model;

namespace Vigil.ChatAgent.Conversation.Diagrams;

/// <summary>
/// Draws a model's data flow diagram as a PNG with Graphviz, for chat clients that show images but not Mermaid.
/// Without Graphviz the diagram is simply unavailable, and the error says how to install it.
/// </summary>
public sealed class DiagramRenderer
{
    public const string InstallHint = "Graphviz (dot) is not installed: apt-get install graphviz";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    private readonly string executable;
    private readonly TimeSpan timeout;
    private readonly TimeProvider time;

    /// <param name="executable">The <c>dot</c> program: a name looked up on PATH, or a full path.</param>
    /// <param name="timeout">How long a drawing may take before dot is stopped (a huge model can take long).</param>
    public DiagramRenderer(string executable = "dot", TimeSpan? timeout = null, TimeProvider? time = null)
    {
        this.executable = executable;
        this.timeout = timeout ?? DefaultTimeout;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>The PNG bytes of the model's data flow diagram.</summary>
    /// <exception cref="DiagramUnavailableException">Graphviz is missing, failed or took too long.</exception>
    public Task<byte[]> RenderPngAsync(SystemModel model, CancellationToken cancellationToken) =>
        RenderPngAsync(GraphvizExporter.Build(model), cancellationToken);

    /// <summary>
    /// Renders DOT made by <see cref="GraphvizExporter"/>. Not for DOT written by users: attributes such as
    /// <c>image=</c> make Graphviz read local files, and the exporter's escaping is what keeps them out.
    /// </summary>
    internal async Task<byte[]> RenderPngAsync(string dot, CancellationToken cancellationToken)
    {
        // Files, not pipes: the runner reads output as text, which would corrupt PNG bytes.
        var folder = Directory.CreateTempSubdirectory("vigil-diagram-");
        try
        {
            var input = Path.Combine(folder.FullName, "diagram.dot");
            var output = Path.Combine(folder.FullName, "diagram.png");
            await File.WriteAllTextAsync(input, dot, cancellationToken);
            await RunAsync(["-Tpng", "-o", output, input], cancellationToken);
            var png = File.Exists(output) ? await File.ReadAllBytesAsync(output, cancellationToken) : [];
            return png.Length > 0 ? png : throw new DiagramUnavailableException("Graphviz produced no image for this diagram.");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        ChildProcessResult result;
        try
        {
            result = await ChildProcess.RunAsync(executable, arguments, NoEnvironment, linked.Token);
        }
        catch (Win32Exception e)
        {
            throw new DiagramUnavailableException(InstallHint, e);
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new DiagramUnavailableException($"Graphviz took longer than {timeout.TotalSeconds:0} s to draw the diagram.", e);
        }

        if (result.ExitCode != 0)
        {
            var reason = result.StandardError.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            throw new DiagramUnavailableException($"Graphviz could not draw the diagram: {reason ?? $"exit code {result.ExitCode}"}");
        }
    }
}
