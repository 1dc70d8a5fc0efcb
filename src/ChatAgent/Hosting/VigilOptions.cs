using System.ComponentModel.DataAnnotations;

namespace Vigil.ChatAgent.Hosting;

/// <summary>The <c>Vigil</c> configuration section.</summary>
public sealed class VigilOptions
{
    public const string Section = "Vigil";

    /// <summary><c>Vigil:DataDir</c>: where state, blobs and the job queue live.</summary>
    [Required(ErrorMessage = "Vigil:DataDir must name a folder Vigil can write to.")]
    public string DataDir { get; set; } = Ingestion.DataFolder.Default;

    /// <summary><c>Vigil:CatalogDir</c>: a folder of rules, signals and lexicons laid over the embedded catalogue.</summary>
    public string? CatalogDir { get; set; }
}
