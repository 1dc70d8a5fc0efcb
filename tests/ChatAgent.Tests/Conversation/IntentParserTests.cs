using Vigil.ChatAgent.Conversation.Assistant;
using Vigil.ThreatModel.Findings;

namespace Vigil.ChatAgent.Tests.Conversation;

/// <summary>What people type, and what Vigil understands.</summary>
public sealed class IntentParserTests
{
    [Theory]
    [InlineData("what are the risks here?", IntentKind.Risks)]
    [InlineData("any security concerns with this design?", IntentKind.Risks)]
    [InlineData("how do we fix F-1A2B3C4D?", IntentKind.HowToFix)]
    [InlineData("how should I mitigate the webhook one", IntentKind.HowToFix)]
    [InlineData("what changed since yesterday?", IntentKind.WhatChanged)]
    [InlineData("is this covered for PCI DSS?", IntentKind.Compliance)]
    [InlineData("are we ok for ISO 27001", IntentKind.Compliance)]
    [InlineData("can you show the data flow diagram", IntentKind.Model)]
    [InlineData("help", IntentKind.Help)]
    [InlineData("", IntentKind.Help)]
    [InlineData("lunch at noon?", IntentKind.Unknown)]
    public void Questions_are_understood(string question, IntentKind expected) =>
        Assert.Equal(expected, IntentParser.ParseQuestion(question).Kind);

    [Fact]
    public void A_risk_question_about_a_component_keeps_the_component_as_subject() =>
        Assert.Equal("webhook", IntentParser.ParseQuestion("what are the risks of the webhook?").Subject);

    [Fact]
    public void A_mention_can_record_a_decision_with_its_reason()
    {
        var intent = IntentParser.ParseQuestion("mark F-1a2b3c4d as mitigated because the handler now checks the HMAC");

        Assert.Equal((IntentKind.SetStatus, "F-1a2b3c4d", FindingStatus.Mitigated, "the handler now checks the HMAC"),
            (intent.Kind, intent.FindingId, intent.Status, intent.Reason));
    }

    [Theory]
    [InlineData("F-1a2b3c4d is not mitigated, the HMAC check was removed")]
    [InlineData("why is F-1a2b3c4d not accepted?")]
    [InlineData("was F-1a2b3c4d marked mitigated?")]
    public void Questions_and_negations_about_a_decision_never_record_one(string question) =>
        Assert.NotEqual(IntentKind.SetStatus, IntentParser.ParseQuestion(question).Kind);

    [Theory]
    [InlineData("what are the risks of the administrator dashboard?", IntentKind.Risks)]
    [InlineData("any risks in the reporting service?", IntentKind.Risks)]
    [InlineData("risks in the data model?", IntentKind.Risks)]
    [InlineData("can I get a report", IntentKind.Report)]
    public void Words_inside_other_words_do_not_change_the_question(string question, IntentKind expected) =>
        Assert.Equal(expected, IntentParser.ParseQuestion(question).Kind);

    [Fact]
    public void Status_command_reads_id_status_quoted_reason_and_end_date()
    {
        var intent = IntentParser.ParseCommand("status F-1A2B3C4D accepted \"internal only, replaced in Q3\" until 2027-03-31");

        Assert.Equal((IntentKind.SetStatus, "F-1a2b3c4d", FindingStatus.Accepted, "internal only, replaced in Q3", new DateOnly(2027, 3, 31)),
            (intent.Kind, intent.FindingId, intent.Status, intent.Reason, intent.Until));
    }

    [Theory]
    [InlineData("status F-1a2b3c4d false-positive \"we never store cards\"", FindingStatus.FalsePositive)]
    [InlineData("status F-1a2b3c4d open \"the HMAC check was reverted\"", FindingStatus.Open)]
    [InlineData("status F-1a2b3c4d mitigated rotated the keys", FindingStatus.Mitigated)]
    public void Every_status_word_is_understood(string command, FindingStatus expected) =>
        Assert.Equal(expected, IntentParser.ParseCommand(command).Status);

    [Theory]
    [InlineData("status F-1a2b3c4d maybe \"hmm\"", "'maybe' is not a status")]
    [InlineData("status nothing-here", "usage: /threat status")]
    [InlineData("status F-1a2b3c4d accepted \"ok\" until next-year", "is not a date")]
    [InlineData("bogus", "'bogus' is not a /threat command")]
    public void Bad_commands_say_what_is_wrong(string command, string message) =>
        Assert.Contains(message, IntentParser.ParseCommand(command).Error, StringComparison.Ordinal);

    [Fact]
    public void Watch_takes_a_channel_and_a_threshold()
    {
        var intent = IntentParser.ParseCommand("watch #C123 high");

        Assert.Equal((IntentKind.Watch, "#C123", Severity.High), (intent.Kind, intent.Subject, intent.Severity));
    }

    [Fact]
    public void Rules_severity_override_reads_rule_severity_and_reason()
    {
        var intent = IntentParser.ParseCommand("rules severity VGL-WEB-001 low \"only internal callers\"");

        Assert.Equal(("severity", "VGL-WEB-001", Severity.Low, "only internal callers"), (intent.RuleAction, intent.RuleId, intent.Severity, intent.Reason));
    }
}
