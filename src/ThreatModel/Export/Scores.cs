using System.Globalization;

namespace Vigil.ThreatModel.Export;

/// <summary>Scores as every export shows them: clamped to 0–10, one decimal, invariant culture.</summary>
internal static class Scores
{
    public static double OneDecimal(double score) =>
        Math.Round(Math.Clamp(double.IsNaN(score) ? 0 : score, 0, 10), 1, MidpointRounding.AwayFromZero);

    public static string Text(double score) => OneDecimal(score).ToString("0.0", CultureInfo.InvariantCulture);
}
