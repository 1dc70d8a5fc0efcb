using Vigil.ThreatModel.Findings;
using Vigil.ThreatModel.Model;
using FactAttribute = Xunit.FactAttribute;
using Vigil.ThreatModel.Scoring;

namespace Vigil.ThreatModel.Tests.Scoring;

using Model = Vigil.ThreatModel.Model;

public sealed class RiskScorerTests
{
    private static readonly Evidence Said = new("t#1", "said");

    private static SystemModel Design(bool exposed, bool authenticated, Classification data)
    {
        var builder = new SystemModelBuilder();
        var user = builder.AddElement("customers", ElementKind.Actor, Said, boundary: BoundaryKind.Internet);
        var api = builder.AddElement("orders-api", ElementKind.Service, Said);
        var db = builder.AddElement("postgres", ElementKind.DataStore, Said);
        if (exposed)
        {
            builder.AddFlow(user, api, Said);
        }

        builder.AddFlow(api, db, Said);
        builder.AddFact(new Model.Fact("authentication", FactKind.Control, authenticated ? FactState.Present : FactState.Absent, api, Said));
        builder.AddData("orders", data, data == Classification.Restricted ? ["payment-card"] : [], api, Said);
        return builder.Build("design");
    }

    [Fact]
    public void Internet_reachable_unauthenticated_card_data_scores_above_the_same_weakness_internal()
    {
        var exposed = new RiskScorer(Design(exposed: true, authenticated: false, Classification.Restricted)).Score(Severity.High, "order-api");
        var internalOnly = new RiskScorer(Design(exposed: false, authenticated: true, Classification.Internal)).Score(Severity.High, "order-api");

        Assert.True(exposed.Score > internalOnly.Score, $"{exposed.Score} should exceed {internalOnly.Score}");
        Assert.Equal(Severity.Critical, exposed.Severity);
    }

    [Fact]
    public void Rationale_says_why_in_one_sentence()
    {
        var (_, _, rationale) = new RiskScorer(Design(exposed: true, authenticated: false, Classification.Restricted)).Score(Severity.High, "order-api");

        Assert.Equal("Internet-reachable in 1 hop, no authentication, holds payment card data.", rationale);
    }

    [Theory]
    [InlineData(9.5, Severity.Critical)]
    [InlineData(7.0, Severity.High)]
    [InlineData(5.5, Severity.Medium)]
    [InlineData(2.0, Severity.Low)]
    public void Score_maps_to_its_band(double score, Severity band) => Assert.Equal(band, RiskScorer.Band(score));
}
