using Vigil.ThreatModel.Model;
using Vigil.ThreatModel.Sources;

namespace Vigil.ThreatModel.Extraction;

/// <summary>Reads one kind of source into the shared model builder; every fact it adds carries evidence.</summary>
public interface ISourceExtractor
{
    bool CanRead(SourceDocument source);

    void Extract(SourceDocument source, SystemModelBuilder builder);
}
