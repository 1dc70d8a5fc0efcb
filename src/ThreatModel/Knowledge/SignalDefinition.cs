namespace Vigil.ThreatModel.Knowledge;

/// <summary>A signal as written in <c>signals/*.yaml</c>.</summary>
public sealed class SignalDefinition
{
    public string Key { get; set; } = "";
    public string Kind { get; set; } = "practice";
    public List<string> Present { get; set; } = [];
    public List<string> Absent { get; set; } = [];
}
