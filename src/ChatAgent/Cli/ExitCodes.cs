namespace Vigil.ChatAgent.Cli;

public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran but a quality bar it was asked to check was not met.</summary>
    public const int BelowBar = 1;

    /// <summary>Nothing could be analyzed: every input was unreadable.</summary>
    public const int NothingAnalyzed = 2;

    /// <summary>The command failed (an unwritable output, a broken catalogue, invalid options); one line says why.</summary>
    public const int Failed = 3;
}
