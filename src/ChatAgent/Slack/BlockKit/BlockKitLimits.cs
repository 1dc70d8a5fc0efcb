namespace Vigil.ChatAgent.Slack.BlockKit;

/// <summary>Slack's Block Kit limits (slack.md §7, §4); Slack refuses a whole message when one is exceeded.</summary>
public static class BlockKitLimits
{
    public const int MessageBlocks = 50;
    public const int ViewBlocks = 100;
    public const int SectionText = 3000;
    public const int ContextElementText = 3000;
    public const int ContextElements = 10;
    public const int HeaderText = 150;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int Id = 255;
    public const int MessageText = 3000;
    public const int ViewTitle = 24;
    public const int PrivateMetadata = 3000;
    public const int Placeholder = 150;
    public const int InputValue = 3000;
}
