namespace Vigil.ThreatModel.Knowledge;

/// <summary>A threat rule as written in <c>rules/*.yaml</c> (see Catalog/README.md).</summary>
public sealed class RuleDefinition
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public List<string> Stride { get; set; } = [];
    public List<int> Cwe { get; set; } = [];
    public List<int> Capec { get; set; } = [];
    public string Severity { get; set; } = "medium";
    public RuleConditions When { get; set; } = new();
    public string Description { get; set; } = "";
    public List<string> Mitigations { get; set; } = [];
    public RuleCompliance Compliance { get; set; } = new();

    /// <summary>Design snippets that prove the rule: the catalogue tests analyze each one.</summary>
    public RuleExamples Examples { get; set; } = new();
}

/// <summary>
/// Each entry is a short design text analyzed on its own: <c>fires</c> must produce a finding of the rule,
/// <c>silent</c> (the control stated, or a near miss) must not. Kept with the rule so a team adding a rule adds its proof.
/// </summary>
public sealed class RuleExamples
{
    public List<string> Fires { get; set; } = [];
    public List<string> Silent { get; set; } = [];
}

public sealed class RuleConditions
{
    public List<string> Practices { get; set; } = [];
    public List<string> AllPractices { get; set; } = [];
    public List<string> AbsentControls { get; set; } = [];
    public List<string> MissingControls { get; set; } = [];
    public List<string> Kinds { get; set; } = [];
    public List<string> Technologies { get; set; } = [];
    public bool? Exposed { get; set; }
    public List<string> DataTags { get; set; } = [];
    public string? MinClassification { get; set; }

    /// <summary>True when the rule is triggered by something stated, not just by an element's kind.</summary>
    public bool HasFactTrigger => Practices.Count > 0 || AbsentControls.Count > 0;
}

public sealed class RuleCompliance
{
    public List<string> Nist80053 { get; set; } = [];
    public List<string> PciDss { get; set; } = [];
    public List<string> Iso27001 { get; set; } = [];
}
