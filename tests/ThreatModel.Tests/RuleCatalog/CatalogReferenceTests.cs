using Vigil.ThreatModel.Knowledge;

namespace Vigil.ThreatModel.Tests.RuleCatalog;

/// <summary>Every id the embedded rules map to exists in the checked reference tables: none is invented.</summary>
public sealed class CatalogReferenceTests
{
    private static readonly IReadOnlyList<RuleDefinition> Rules = Catalog.Default.Rules;

    private static HashSet<string> Ids(string file) =>
        File.ReadLines(Path.Combine(RepositoryPaths.Reference, file))
            .Skip(1)
            .Select(line => line.Split(',')[0].Trim('"'))
            .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Catalogue_has_at_least_80_rules() => Assert.True(Rules.Count >= 80, $"{Rules.Count} rules");

    [Fact]
    public void Every_cwe_and_capec_id_exists()
    {
        var cwe = Ids("cwe.csv");
        var capec = Ids("capec.csv");
        var unknown = Rules.SelectMany(r => r.Cwe.Where(id => !cwe.Contains($"CWE-{id}")).Select(id => $"{r.Id}: CWE-{id}"))
            .Concat(Rules.SelectMany(r => r.Capec.Where(id => !capec.Contains($"CAPEC-{id}")).Select(id => $"{r.Id}: CAPEC-{id}")))
            .ToList();
        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }

    [Fact]
    public void Every_compliance_id_exists()
    {
        var nist = Ids("nist-800-53r5.csv");
        var pci = Ids("pci-dss-v4.csv");
        var iso = Ids("iso27001-2022-annexA.csv");
        var unknown = Rules.SelectMany(r =>
                r.Compliance.Nist80053.Where(id => !nist.Contains(id)).Select(id => $"{r.Id}: NIST {id}")
                    .Concat(r.Compliance.PciDss.Where(id => !pci.Contains(id)).Select(id => $"{r.Id}: PCI {id}"))
                    .Concat(r.Compliance.Iso27001.Where(id => !iso.Contains(id)).Select(id => $"{r.Id}: ISO {id}")))
            .ToList();
        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }

    [Fact]
    public void Every_rule_maps_to_cwe_and_at_least_one_framework()
    {
        var incomplete = Rules.Where(r => r.Cwe.Count == 0
                || r.Compliance.Nist80053.Count + r.Compliance.PciDss.Count + r.Compliance.Iso27001.Count == 0)
            .Select(r => r.Id)
            .ToList();
        Assert.True(incomplete.Count == 0, string.Join(", ", incomplete));
    }
}
