namespace Vigil.ThreatModel.Knowledge;

/// <summary>
/// How catalogue patterns run. Compiling hundreds of patterns takes seconds once and makes each analysis several times
/// faster: right for the long-running host, wrong for a one-shot CLI command.
/// </summary>
public enum PatternCompilation
{
    Interpreted,
    Compiled,
}
